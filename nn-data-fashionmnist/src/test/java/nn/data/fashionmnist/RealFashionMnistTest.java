package nn.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nn.api.Config;
import nn.api.Dataset;
import nn.api.Features;
import org.junit.jupiter.api.Test;

/** The one test that reads the real data, where the Debian package put it. */
class RealFashionMnistTest {

    @Test
    void readsTheInstalledDataset() {
        Path folder = DataLocator.SYSTEM_DIR;
        List<String> missing = FashionMnist.missingIn(folder);
        if (!missing.isEmpty()) {
            System.out.println("RealFashionMnistTest skipped: " + folder + " lacks " + missing);
        }
        assumeTrue(missing.isEmpty(), () -> folder + " lacks " + missing + " (apt-get install dataset-fashion-mnist)");

        Dataset ds = new FashionMnistProvider(new DataLocator(Map.of(), Path.of("/nonexistent-home")), null)
                .create(Config.of("dataset fashion_mnist", Map.of("data_dir", folder.toString(), "download", false)));

        assertEquals(60_000, ds.trainFeatures().rows());
        assertEquals(784, ds.trainFeatures().columns());
        assertEquals(10_000, ds.testFeatures().rows());
        assertEquals(10_000, ds.testLabels().numRows);
        assertEquals(9.0f, ds.trainLabels().get(0, 0));
        assertEquals("Ankle boot", ds.classNames().get(9));
        assertRange(ds.trainFeatures());
        assertRange(ds.testFeatures());
        for (String name : FashionMnist.FILES) {
            assertTrue(Checksums.KNOWN.get(name).contains(VerifiedFiles.sha256(folder.resolve(name))), name);
        }
    }

    private static void assertRange(Features pixels) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float[] row = new float[pixels.columns()];
        for (int r = 0; r < pixels.rows(); r++) {
            pixels.copyRow(r, row, 0);
            for (float value : row) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        assertEquals(0.0f, min);
        assertEquals(1.0f, max);
    }
}
