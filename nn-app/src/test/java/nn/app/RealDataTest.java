package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one launcher test on the real Fashion-MNIST (Debian package dataset-fashion-mnist, which
 * .ci/run installs): a short --limit run of the tutorial model learns.
 */
class RealDataTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path home;

    @Test
    void aShortTutorialRunOnTheRealDataLearns() throws Exception {
        assumeTrue(Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz")),
                "skipped: the real Fashion-MNIST is not in " + DEBIAN + " (apt-get install -y dataset-fashion-mnist)");
        Path out = home.resolve("run");
        Launcher run = Launcher.run(home, "train", "--data", DEBIAN.toString(), "--limit", "3000", "--epochs", "2",
                "--out", out.toString(), "--verbose", "2");
        assertEquals(0, run.exitCode, run::toString);
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        double valAccuracy = Double.parseDouble(history.get(2).split(",")[4]);
        assertTrue(valAccuracy > 0.75, "val_accuracy after 2 epochs of 3,000 images: " + valAccuracy + "\n" + run);
        assertTrue(run.out.contains("313/313 ["), "the test set has 10,000 images, 313 batches of 32:\n" + run);
    }
}
