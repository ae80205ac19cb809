package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input gets one clear line naming the input and a non-zero exit code, never a stack
 * trace: one row a case (the command line, the exit code, words the error line must hold), so the
 * next hole is one row away. In the arguments {@code {data}} is a tiny data set, {@code {home}} the
 * folder of the fixtures below and {@code {out}} a new folder for the row.
 */
class BadInputTest {
    @TempDir
    static Path home;
    static Path data;
    private static final AtomicInteger OUTS = new AtomicInteger();

    private static Arguments row(String name, int exitCode, List<String> words, String... args) {
        return Arguments.of(name, List.of(args), exitCode, words);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // options out of range: a bad command line, exit code 2
                row("zero epochs", 2, List.of("--epochs must be a positive number, got 0"), "train", "--data", "{data}", "--epochs", "0"),
                row("negative batch size", 2, List.of("--batch-size must be a positive number, got -4"), "train", "--data", "{data}", "--batch-size", "-4"),
                row("epochs not a number", 2, List.of("--epochs", "many"), "train", "--epochs", "many"),
                row("absurd threads", 2, List.of("--threads must be a number from 1 to 256, got 100000"), "train", "--data", "{data}", "--threads", "100000"),
                row("limit above the data", 2, List.of("--limit is 100000, but the data hold only 64 training images"), "train", "--data", "{data}", "--limit", "100000"),
                row("no workers", 2, List.of("--workers must be a positive number, got 0"), "train", "--data", "{data}", "--workers", "0"),
                row("more workers than a batch has rows", 2, List.of("--workers must be at most the batch size (8), got 9: each worker takes a shard of every batch"), "train", "--data", "{data}", "--batch-size", "8", "--workers", "9"),
                row("sync every 0 steps", 2, List.of("--sync-every must be a positive number of steps, got 0"), "train", "--data", "{data}", "--workers", "2", "--sync-every", "0"),
                row("sync every without workers", 2, List.of("--sync-every needs --workers"), "train", "--data", "{data}", "--sync-every", "10"),
                row("spark without workers", 2, List.of("--spark trains data-parallel only: give --workers N too"), "train", "--data", "{data}", "--spark", "local[2]"),
                row("an empty spark master", 2, List.of("--spark must name a master, e.g. local[2] or spark://host:7077"), "train", "--data", "{data}", "--workers", "2", "--spark", " "),
                row("empty --out", 2, List.of("--out must name a folder, got ''"), "train", "--data", "{data}", "--out", ""),
                row("unknown option", 2, List.of("--modle"), "summary", "--modle", "x"),
                // data
                row("a folder without the data files", 1, List.of("{home}/empty", "train-images-idx3-ubyte"), "train", "--data", "{home}/empty"),
                row("a data file given as the folder", 1, List.of("{data}/train-images-idx3-ubyte.gz", "is a file, not a folder"), "train", "--data", "{data}/train-images-idx3-ubyte.gz"),
                row("a folder named like a data file", 1, List.of("t10k-labels-idx1-ubyte.gz is a folder, not a data file"), "train", "--data", "{home}/folder-named-like-a-file"),
                row("a corrupt data file", 1, List.of("t10k-labels-idx1-ubyte.gz"), "train", "--data", "{home}/corrupt"),
                row("a truncated data file", 1, List.of("train-images-idx3-ubyte.gz", "truncated"), "train", "--data", "{home}/truncated"),
                // model files
                row("a model file that is not JSON", 1, List.of("broken.json"), "train", "--data", "{data}", "--model", "{home}/broken.json"),
                row("a model file that is not UTF-8", 1, List.of("latin1.json", "not UTF-8"), "train", "--data", "{data}", "--model", "{home}/latin1.json"),
                row("an unknown layer lists the known ones", 1, List.of("unknown-layer.json", "Convolution9D", "BatchNormalization (batch_normalization), Conv2D (Convolution2D), Dense"), "train", "--data", "{data}", "--model", "{home}/unknown-layer.json"),
                row("zero units", 1, List.of("zero-units.json", "'units'"), "train", "--data", "{data}", "--model", "{home}/zero-units.json"),
                row("no Flatten before Dense", 1, List.of("no-flatten.json", "Flatten"), "train", "--data", "{data}", "--model", "{home}/no-flatten.json"),
                // 2^31 - 1 weights: more than a Java array holds, so the JVM refuses at once, whatever its heap
                row("a model too big for memory", 1, List.of("out of memory", "NN_JAVA_OPTS=\"-Xmx8g\""), "summary", "--model", "{home}/huge.json"),
                row("a model for 32x32 images", 1, List.of("input-32x32.json", "(32, 32)", "(28, 28)"), "train", "--data", "{data}", "--model", "{home}/input-32x32.json"),
                row("a model with 7 classes", 1, List.of("classes-7.json", "7 units", "10 classes"), "train", "--data", "{data}", "--model", "{home}/classes-7.json"),
                row("an unknown optimizer", 1, List.of("unknown optimizer 'Adamax2'", "SGD"), "train", "--data", "{data}", "--optimizer", "Adamax2"),
                row("an unknown activation", 1, List.of("unknown activation 'swish9'", "relu"), "train", "--data", "{data}", "--activation", "swish9"),
                // output folders
                row("an existing run folder", 1, List.of("{home}/finished", "already holds", "--resume", "--overwrite"), "train", "--data", "{data}", "--out", "{home}/finished"),
                row("--out naming a file", 1, List.of("{home}/broken.json: is a file, not a folder"), "train", "--data", "{data}", "--out", "{home}/broken.json"),
                // plugins
                row("a plugin jar that is not a jar", 1, List.of("notes.jar", "not a jar"), "plugins", "--plugins", "{home}/plugins-not-a-jar"),
                row("a plugin whose name() is null", 1, List.of("nameless.jar", "bad.nameless.Act", "name() returned null"), "plugins", "--plugins", "{home}/plugins/nameless"),
                row("a plugin whose constructor throws", 1, List.of("failing-constructor.jar", "bad.failingconstructor.Act", "could not be instantiated: no constructor today"), "plugins", "--plugins", "{home}/plugins/failing-constructor"),
                row("a plugin whose name() throws", 1, List.of("throwing-name.jar", "bad.throwingname.Act", "name() failed: broken name"), "plugins", "--plugins", "{home}/plugins/throwing-name"),
                row("a plugin that recurses forever", 1, List.of("plugin module recursing", "bad.recursing.Act.create", "stack overflow"), "train", "--data", "{data}", "--plugins", "{home}/plugins/recursing", "--activation", "deep"),
                row("a plugin whose class cannot initialize", 1, List.of("plugin module fragile", "bad.fragile.Act", "cannot initialize"), "train", "--data", "{data}", "--plugins", "{home}/plugins/fragile", "--activation", "fragile"),
                row("a plugin that throws an Error", 1, List.of("plugin module asserting", "bad.asserting.Act.create", "assertion: plugin bug"), "train", "--data", "{data}", "--plugins", "{home}/plugins/asserting", "--activation", "asserting"));
    }

    @BeforeAll
    static void fixtures() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 64, 16);
        Files.createDirectories(home.resolve("empty"));
        Path namedLikeAFile = TinyFashionMnist.write(home.resolve("folder-named-like-a-file"), 64, 16);
        Files.delete(namedLikeAFile.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.createDirectory(namedLikeAFile.resolve("t10k-labels-idx1-ubyte.gz"));
        Path corrupt = TinyFashionMnist.write(home.resolve("corrupt"), 64, 16);
        Files.writeString(corrupt.resolve("t10k-labels-idx1-ubyte.gz"), "this is not gzip nor IDX");
        Path truncated = TinyFashionMnist.write(home.resolve("truncated"), 64, 16);
        Path images = truncated.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length / 2));

        Files.writeString(home.resolve("broken.json"), "{\"class_name\": \"Sequential\", ");
        Files.write(home.resolve("latin1.json"), model("{\"class_name\": \"Dense\", \"config\": {\"units\": 10, \"name\": \"d\u00e9\"}}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(home.resolve("unknown-layer.json"), model("{\"class_name\": \"Dense\", \"config\": {\"units\": 10}},"
                + "{\"class_name\": \"Convolution9D\", \"config\": {}}"));
        Files.writeString(home.resolve("zero-units.json"), model("{\"class_name\": \"Dense\", \"config\": {\"units\": 0}}"));
        Files.writeString(home.resolve("no-flatten.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Dense", "config": {"units": 10, "batch_input_shape": [null, 28, 28]}}]}}""");
        Files.writeString(home.resolve("huge.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Dense", "config": {"units": 2147483647, "use_bias": false, "batch_input_shape": [null, 1]}}]}}""");
        Files.writeString(home.resolve("input-32x32.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Flatten", "config": {"batch_input_shape": [null, 32, 32]}},
                  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]}}""");
        Files.writeString(home.resolve("classes-7.json"), model("{\"class_name\": \"Dense\", \"config\": {\"units\": 7, \"activation\": \"softmax\"}}"));

        Files.writeString(Files.createDirectories(home.resolve("finished")).resolve("run.json"), "{}");
        Files.writeString(Files.createDirectories(home.resolve("plugins-not-a-jar")).resolve("notes.jar"), "not a zip");
        Path plugins = home.resolve("plugins");
        BadPlugins.folder(plugins, "nameless", "return null;", "return this;");
        BadPlugins.folder(plugins, "failing-constructor", "if (true) throw new IllegalStateException(\"no constructor today\");",
                "return \"failing\";", "return this;");
        BadPlugins.folder(plugins, "throwing-name", "throw new IllegalStateException(\"broken name\");", "return this;");
        BadPlugins.folder(plugins, "recursing", "return \"deep\";", "return create(config);");
        BadPlugins.folder(plugins, "fragile", "return \"fragile\";", "return Fragile.INSTANCE;");
        BadPlugins.folder(plugins, "asserting", "return \"asserting\";", "throw new AssertionError(\"plugin bug\");");
    }

    private static String model(String layers) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"Flatten\", \"config\": {\"batch_input_shape\": [null, 28, 28]}}," + layers + "]}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void oneErrorLine(String name, List<String> args, int exitCode, List<String> words) {
        Path out = home.resolve("out-" + OUTS.incrementAndGet());
        List<String> command = new ArrayList<>();
        args.forEach(arg -> command.add(expand(arg, out)));
        if (command.get(0).equals("train")) {
            for (String[] option : new String[][] {{"--epochs", "1"}, {"--verbose", "0"}, {"--out", out.toString()}}) {
                if (!command.contains(option[0])) {
                    command.addAll(List.of(option));
                }
            }
        }
        Launcher.run(home, command.toArray(String[]::new))
                .assertError(exitCode, words.stream().map(word -> expand(word, out)).toArray(String[]::new));
    }

    private static String expand(String text, Path out) {
        return text.replace("{data}", data.toString()).replace("{home}", home.toString()).replace("{out}", out.toString());
    }

    @Test
    void aBadCommandLineSaysWhereTheHelpIs() {
        Launcher train = Launcher.run(home, "train", "--epochs", "0", "--data", data.toString());
        assertEquals("run 'nn train --help' for the options", train.err.lines().toList().get(1), train::toString);
        Launcher top = Launcher.run(home, "--bogus");
        assertEquals("run 'nn --help' for the options", top.err.lines().toList().get(1), top::toString);
    }

    @Test
    void debugStillShowsTheStackTrace() {
        Launcher result = Launcher.run(home, "--debug", "train", "--data", data.toString(), "--model",
                home.resolve("classes-7.json").toString(), "--out", home.resolve("debug").toString());
        assertEquals(1, result.exitCode, result::toString);
        assertTrue(result.err.contains("\tat "), result::toString);
        assertTrue(result.err.lines().anyMatch(line -> line.startsWith("error: ") && line.contains("7 units")), result::toString);
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
    void noCommand() {
        assertNotEquals(0, Launcher.run(home).exitCode);
    }
}
