package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's tests on the real Fashion-MNIST (Debian package dataset-fashion-mnist, which
 * .ci/run installs): a short --limit run of the tutorial model learns, and so does it data-parallel.
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

    /**
     * Issue 11: two workers (ghost batches of 16 for BatchNormalization) reach the test accuracy of
     * ordinary training within 1 point after 2 epochs. On 20,000 images, not 60,000, to keep the suite
     * short. Measured (NOTES.md): seeds 42 and 1 differ by -0.36 and +0.14 points here; on the full
     * data seeds 42, 1 and 2 differ by -1.42, +1.32 and +1.20 (mean +0.37), where ordinary
     * training's three agree within 0.22: one seed of two epochs with ghost batches swings more.
     */
    @Test
    void twoWorkersLearnAsWellAsOne() {
        assumeTrue(Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz")), "skipped: the real Fashion-MNIST is not in " + DEBIAN);
        double one = testAccuracy("one");
        double two = testAccuracy("two", "--workers", "2");
        assertTrue(Math.abs(one - two) <= 0.01, "test accuracy of 1 worker " + one + ", of 2 workers " + two);
    }

    private double testAccuracy(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", DEBIAN.toString(), "--limit", "20000",
                "--epochs", "2", "--out", home.resolve(name).toString(), "--verbose", "2"));
        args.addAll(List.of(more));
        Launcher run = Launcher.run(home, args.toArray(String[]::new));
        assertEquals(0, run.exitCode, run::toString);
        Matcher test = Pattern.compile("313/313 .* accuracy: ([0-9.]+)").matcher(run.out);
        assertTrue(test.find(), run::toString);
        return Double.parseDouble(test.group(1));
    }
}
