package nn.app.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn compare}'s bad inputs: one line naming the input, exit code 1, and nothing trained or
 * written. --data names a folder that does not exist: each error must come before the data are read.
 */
class CompareBadInputTest {
    @TempDir
    static Path home;

    private static Launcher compare(String... extra) {
        String[] args = new String[extra.length + 7];
        System.arraycopy(new String[] {"compare", "--epochs", "1", "--verbose", "0", "--data", noData()}, 0, args, 0, 7);
        System.arraycopy(extra, 0, args, 7, extra.length);
        return Launcher.run(home, args);
    }

    private static String noData() {
        return home.resolve("no-data").toString();
    }

    private static void assertNothingTrained(Launcher result, Path out) {
        assertFalse(result.out.contains("== "), result::toString);
        assertFalse(Files.exists(out), out + " should not have been created");
    }

    @Test
    void anUnknownModelIsFoundBeforeAnyTraining() {
        Path out = home.resolve("unknown");
        Launcher result = compare("--models", "bn-before,bn-middle", "--out", out.toString());
        result.assertError(1, "bn-middle: no such model file, and not a preset", "bn-before, bn-after, no-bn");
        assertNothingTrained(result, out);
    }

    @Test
    void emptyModelsAndAnEmptyItem() {
        compare("--models", "").assertError(2, "--models needs at least a model: bn-before, bn-after, no-bn, cnn-bn, cnn-no-bn or a model file");
        compare("--models", "bn-before,,no-bn").assertError(2, "--models has an empty item in 'bn-before,,no-bn'");
    }

    @Test
    void badOrRepeatedSeeds() {
        compare("--seeds", "1,x").assertError(2, "--seeds must be whole numbers separated by commas, got '1,x'");
        compare("--seeds", "").assertError(2, "--seeds needs at least a seed");
        compare("--seeds", "1,2,1").assertError(2, "--seeds gives 1 twice");
    }

    @Test
    void aModelGivenTwiceOrTwoFilesOfTheSameName() throws IOException {
        compare("--models", "bn-before,no-bn,bn-before").assertError(2, "--models gives 'bn-before' twice");
        Path a = Files.writeString(Files.createDirectories(home.resolve("a")).resolve("m.json"), "{}");
        Path b = Files.writeString(Files.createDirectories(home.resolve("b")).resolve("m.json"), "{}");
        compare("--models", a + "," + b).assertError(2, "'" + a + "' and '" + b + "', both named 'm' in the outputs");
    }

    @Test
    void aModelThatDoesNotLogAccuracy() throws IOException {
        Path file = Files.writeString(home.resolve("no-metrics.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Flatten", "config": {"batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]},
                 "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": [],
                   "optimizer_config": {"class_name": "SGD", "config": {"learning_rate": 0.01}}}}""");
        Path out = home.resolve("no-metrics");
        Launcher result = compare("--models", "no-bn," + file, "--out", out.toString());
        result.assertError(1, file + ": nn compare compares accuracy", "training_config.metrics");
        assertNothingTrained(result, out);
    }

    /** Found after the data are read, still before the first run. */
    @Test
    void aSecondModelThatDoesNotFitTheDataIsFoundBeforeAnyTraining() throws IOException {
        Path data = TinyFashionMnist.write(home.resolve("data"), 64, 16);
        Path file = Files.writeString(home.resolve("classes-7.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Flatten", "config": {"batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Dense", "config": {"units": 7, "activation": "softmax"}}]}}""");
        Path out = home.resolve("classes-7");
        Launcher result = Launcher.run(home, "compare", "--epochs", "1", "--verbose", "0", "--data", data.toString(),
                "--models", "no-bn," + file, "--out", out.toString());
        result.assertError(1, file + ": the model's output has 7 units, but fashion_mnist has 10 classes");
        assertNothingTrained(result, out);
    }

    @Test
    void aComparisonFolderThatHoldsFilesIsNotReused() throws IOException {
        Path data = TinyFashionMnist.write(home.resolve("data-for-reuse"), 64, 16);
        Path out = Files.createDirectories(home.resolve("used"));
        Files.writeString(out.resolve("compare.csv"), "an earlier comparison");
        Launcher.run(home, "compare", "--epochs", "1", "--verbose", "0", "--data", data.toString(), "--out", out.toString())
                .assertError(1, "--out " + out + ": the folder already holds compare.csv", "--overwrite");
        assertFalse(Files.exists(out.resolve("bn-before-seed1")));
    }

    @Test
    void zeroEpochs() {
        Launcher.run(home, "compare", "--epochs", "0", "--data", noData())
                .assertError(2, "--epochs must be a positive number, got 0");
    }
}
