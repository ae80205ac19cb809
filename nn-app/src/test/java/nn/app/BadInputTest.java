package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets one clear line naming the input and a non-zero exit code, never a stack trace. */
class BadInputTest {
    @TempDir
    static Path home;
    static Path data;

    @BeforeAll
    static void tinyData() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 64, 16);
    }

    private static Launcher train(String... extra) {
        String[] args = new String[extra.length + 6];
        args[0] = "train";
        args[1] = "--epochs";
        args[2] = "1";
        args[3] = "--verbose";
        args[4] = "0";
        args[5] = "--out=" + home.resolve("out");
        System.arraycopy(extra, 0, args, 6, extra.length);
        return Launcher.run(home, args);
    }

    @Test
    void epochsZeroAndANegativeBatchSize() {
        Launcher.run(home, "train", "--data", data.toString(), "--epochs", "0").assertError(2, "--epochs must be a positive number, got 0");
        train("--data", data.toString(), "--batch-size", "-4").assertError(2, "--batch-size must be a positive number, got -4");
        Launcher.run(home, "train", "--epochs", "many").assertError(2, "--epochs", "many");
    }

    @Test
    void aFolderWithoutTheDataFiles() throws IOException {
        Path empty = Files.createDirectories(home.resolve("empty"));
        train("--data", empty.toString()).assertError(1, empty.toString(), "train-images-idx3-ubyte");
    }

    @Test
    void aCorruptAndATruncatedDataFile() throws IOException {
        Path corrupt = TinyFashionMnist.write(home.resolve("corrupt"), 64, 16);
        Files.writeString(corrupt.resolve("t10k-labels-idx1-ubyte.gz"), "this is not gzip nor IDX");
        train("--data", corrupt.toString()).assertError(1, "t10k-labels-idx1-ubyte.gz");

        Path truncated = TinyFashionMnist.write(home.resolve("truncated"), 64, 16);
        Path images = truncated.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length / 2));
        train("--data", truncated.toString()).assertError(1, "train-images-idx3-ubyte.gz");
    }

    @Test
    void aModelFileThatIsNotJson() throws IOException {
        Path file = Files.writeString(home.resolve("broken.json"), "{\"class_name\": \"Sequential\", ");
        train("--data", data.toString(), "--model", file.toString()).assertError(1, "broken.json");
    }

    @Test
    void aModelFileWithAnUnknownLayerListsTheKnownOnes() throws IOException {
        Path file = Files.writeString(home.resolve("unknown-layer.json"), model("{\"class_name\": \"Dense\", \"config\": {\"units\": 10}},"
                + "{\"class_name\": \"Convolution9D\", \"config\": {}}"));
        train("--data", data.toString(), "--model", file.toString()).assertError(1, "unknown-layer.json",
                "Convolution9D", "BatchNormalization, Dense");
    }

    @Test
    void aModelFileWithImpossibleSizes() throws IOException {
        Path zero = Files.writeString(home.resolve("zero-units.json"), model("{\"class_name\": \"Dense\", \"config\": {\"units\": 0}}"));
        train("--data", data.toString(), "--model", zero.toString()).assertError(1, "zero-units.json", "'units'");
        Path unflattened = Files.writeString(home.resolve("no-flatten.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Dense", "config": {"units": 10, "batch_input_shape": [null, 28, 28]}}]}}""");
        train("--data", data.toString(), "--model", unflattened.toString()).assertError(1, "no-flatten.json", "Flatten");
    }

    /** 2^31 - 1 weights: more than a Java array holds, so the JVM refuses at once, whatever its heap. */
    @Test
    void aModelTooBigForMemorySaysHowToGiveTheJvmMore() throws IOException {
        Path huge = Files.writeString(home.resolve("huge.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Dense", "config": {"units": 2147483647, "use_bias": false, "batch_input_shape": [null, 1]}}]}}""");
        Launcher.run(home, "summary", "--model", huge.toString()).assertError(1, "out of memory", "NN_JAVA_OPTS=\"-Xmx8g\"");
    }

    @Test
    void anUnknownOptimizerOrActivation() {
        train("--data", data.toString(), "--optimizer", "Adamax2").assertError(1, "unknown optimizer 'Adamax2'", "SGD");
        train("--data", data.toString(), "--activation", "swish9").assertError(1, "unknown activation 'swish9'", "relu");
    }

    @Test
    void aPluginJarThatIsNotAJar() throws IOException {
        Path plugins = Files.createDirectories(home.resolve("plugins-bad"));
        Files.writeString(plugins.resolve("notes.jar"), "not a zip");
        Launcher.run(home, "plugins", "--plugins", plugins.toString()).assertError(1, "notes.jar", "not a jar");
    }

    @Test
    void aNaNLossStopsTrainingAndKeepsWhatWasWritten() {
        Path out = home.resolve("nan");
        Launcher result = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "3", "--learning-rate", "1e30",
                "--verbose", "0", "--out", out.toString());
        result.assertError(1, "the loss became", "training stopped");
        assertTrue(Files.exists(out.resolve("run.json")));
    }

    @Test
    void noCommandAndAnUnknownOption() {
        assertNotEquals(0, Launcher.run(home).exitCode);
        Launcher.run(home, "summary", "--modle", "x").assertError(2, "--modle");
    }

    private static String model(String layers) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"Flatten\", \"config\": {\"batch_input_shape\": [null, 28, 28]}}," + layers + "]}}";
    }
}
