package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import nn.api.NnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static BufferedImage readPng(Path png) throws IOException {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), 8));
        return ImageIO.read(png.toFile());
    }

    @Test
    void aLossAndAnAccuracyPanelSideBySide() throws IOException {
        Path png = dir.resolve("curves.png");
        TrainingCurves.write(TinyTraining.fit(4, true), png);
        BufferedImage image = readPng(png);
        assertEquals(2 * TrainingCurves.PANEL_WIDTH, image.getWidth());
        assertEquals(TrainingCurves.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void oneEpochOfTrainingMetricsOnly() throws IOException {
        Path png = dir.resolve("curves.png");
        TrainingCurves.write(TinyTraining.fit(1, false), png);
        assertEquals(2 * TrainingCurves.PANEL_WIDTH, readPng(png).getWidth());
    }

    @Test
    void aLossWithoutMetricsIsOnePanel() throws IOException {
        Path png = dir.resolve("curves.png");
        TrainingCurves.write(Map.of("loss", List.of(1.0, 0.5), "val_loss", List.of(1.1, 0.7)), png);
        assertEquals(TrainingCurves.PANEL_WIDTH, readPng(png).getWidth());
    }

    @Test
    void anEmptyHistoryIsAnErrorAndWritesNothing() {
        Path png = dir.resolve("curves.png");
        NnException e = assertThrows(NnException.class, () -> TrainingCurves.write(Map.of(), png));
        assertEquals(png + ": no training history to draw", e.getMessage());
        assertFalse(Files.exists(png));
    }

    /** Not an assertion: a picture of a typical run to look at, in /tmp/curves-sample.png. */
    @Test
    void sampleOfATypicalRun() throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        int epochs = 60;
        values.put("loss", curve(epochs, 0.55, 0.08, 0.0));
        values.put("accuracy", curve(epochs, 0.80, -0.17, 0.0));
        values.put("val_loss", curve(epochs, 0.42, 0.02, 0.0025));
        values.put("val_accuracy", curve(epochs, 0.85, -0.05, 0.0));
        Path png = Path.of(System.getProperty("java.io.tmpdir"), "curves-sample.png");
        TrainingCurves.write(values, png);
        assertEquals(2 * TrainingCurves.PANEL_WIDTH, readPng(png).getWidth());
    }

    /** Starts at {@code start}, moves towards {@code start - drop} exponentially, then drifts up by {@code drift} an epoch. */
    private static List<Double> curve(int epochs, double start, double drop, double drift) {
        return IntStream.range(0, epochs)
                .mapToObj(e -> start - drop * (1 - Math.exp(-e / 8.0)) + drift * e + 0.005 * Math.sin(e * 1.7))
                .toList();
    }
}
