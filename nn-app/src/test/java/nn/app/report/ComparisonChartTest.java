package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import nn.api.NnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonChartTest {
    @TempDir
    Path dir;

    @Test
    void threePanelsSideBySide() throws IOException {
        Path png = dir.resolve("compare.png");
        ComparisonChart.write(List.of(ComparisonFixtures.shaped("bn-before", 3, 0.8, 0.9, 0.5, 1, 1, 2),
                ComparisonFixtures.shaped("no-bn", 3, 0.7, 0.88, 0.3, 1, 1, 2)), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(3 * TrainingCurves.PANEL_WIDTH, image.getWidth());
        assertEquals(TrainingCurves.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void oneSeedOfOneEpochHasNoBand() throws IOException {
        Path png = dir.resolve("compare.png");
        ComparisonChart.write(List.of(ComparisonFixtures.shaped("bn-after", 1, 0.8, 0.9, 0.5, 1, 7)), png);
        assertEquals(3 * TrainingCurves.PANEL_WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void noModelsIsAnError() {
        assertThrows(NnException.class, () -> ComparisonChart.write(List.of(), dir.resolve("compare.png")));
    }

    /** Not an assertion: a picture of a typical comparison to look at, in /tmp/compare-sample.png. */
    @Test
    void sampleOfATypicalComparison() throws IOException {
        Path png = Path.of(System.getProperty("java.io.tmpdir"), "compare-sample.png");
        ComparisonChart.write(List.of(ComparisonFixtures.shaped("bn-before", 10, 0.83, 0.895, 0.45, 30, 1, 2, 3),
                ComparisonFixtures.shaped("bn-after", 10, 0.82, 0.89, 0.4, 29, 1, 2, 3),
                ComparisonFixtures.shaped("no-bn", 10, 0.78, 0.885, 0.25, 24, 1, 2, 3)), png);
        assertEquals(3 * TrainingCurves.PANEL_WIDTH, ImageIO.read(png.toFile()).getWidth());
    }
}
