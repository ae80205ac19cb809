package nn.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin project (examples/plugin-example), built into a jar from its sources, dropped
 * into a plugins folder and used by name: a model file with its layer, activation and optimizer is
 * trained, summarized, inspected and evaluated, with no rebuild of nn.
 */
class ExamplePluginTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "plugin-example");

    @TempDir
    static Path home;
    static Path plugins;
    static Path data;
    static Path run;
    static Launcher trained;

    @BeforeAll
    static void buildThePluginAndTrain() throws IOException {
        plugins = Files.createDirectories(home.resolve("plugins"));
        PluginJarBuilder builder = new PluginJarBuilder(Files.createDirectories(home.resolve("build")));
        Path sources = EXAMPLE.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                builder.source(sources.relativize(file).toString(), Files.readString(file));
            }
        }
        builder.build(plugins.resolve("nn-plugin-example.jar"));
        data = TinyFashionMnist.write(home.resolve("data"), 96, 32);
        run = home.resolve("run");
        trained = Launcher.run(home, "train", "--model", EXAMPLE.resolve("gated-mlp.json").toString(), "--data",
                data.toString(), "--epochs", "2", "--batch-size", "16", "--out", run.toString(), "--verbose", "2");
    }

    @Test
    void pluginsListsThePluginsPartsWithTheirJar() {
        Launcher listed = Launcher.run(home, "plugins");
        assertEquals(0, listed.exitCode, listed::toString);
        for (String line : List.of("layer       GatedLinearUnit", "activation  mish", "optimizer   Lion (lion)")) {
            assertTrue(listed.out.contains(line), () -> line + " missing:\n" + listed.out);
        }
        assertTrue(listed.out.contains("example.plugin (" + plugins.resolve("nn-plugin-example.jar")), listed::toString);
    }

    @Test
    void aModelOfPluginPartsTrainsFromTheDefaultPluginsFolder() throws IOException {
        assertEquals(0, trained.exitCode, trained::toString);
        assertTrue(trained.out.contains("Epoch 2/2"), trained::toString);
        assertEquals(3, Files.readAllLines(run.resolve("history.csv")).size());
    }

    /** The plugins folder's jars travel to the data-parallel workers, which load them in a layer of their own. */
    @Test
    void aModelOfPluginPartsTrainsDataParallelAsItTrainsAlone() throws IOException {
        Path parallel = home.resolve("one-worker");
        Launcher oneWorker = Launcher.run(home, "train", "--model", EXAMPLE.resolve("gated-mlp.json").toString(), "--data",
                data.toString(), "--epochs", "2", "--batch-size", "16", "--out", parallel.toString(), "--verbose", "0",
                "--workers", "1");
        assertEquals(0, oneWorker.exitCode, oneWorker::toString);
        assertEquals(withoutSeconds(run.resolve("history.csv")), withoutSeconds(parallel.resolve("history.csv")));
    }

    private static List<String> withoutSeconds(Path history) throws IOException {
        return Files.readAllLines(history).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    @Test
    void summaryVariablesAndEvaluateWorkOnTheSavedPluginModel() {
        Launcher summary = Launcher.run(home, "summary", "--model", EXAMPLE.resolve("gated-mlp.json").toString());
        assertEquals(0, summary.exitCode, summary::toString);
        // GatedLinearUnit(128) on 784 inputs: 2 * (784 * 128 + 128) = 200,960; Dense(10): 1,290
        assertTrue(summary.out.contains("gated_linear_unit (GatedLin (None, 128)               200960"), summary::toString);
        assertTrue(summary.out.contains("Total params: 202,250"), summary::toString);

        Launcher variables = Launcher.run(home, "variables", "--layer", "1", "--model-file", run.resolve("model.zip").toString());
        assertEquals(0, variables.exitCode, variables::toString);
        assertTrue(variables.out.startsWith("gated_linear_unit/kernel:0  shape=(784, 128)  trainable\n"), variables::toString);

        Launcher evaluated = Launcher.run(home, "evaluate", "--model-file", run.resolve("model.zip").toString(),
                "--data", data.toString(), "--batch-size", "16");
        assertEquals(0, evaluated.exitCode, evaluated::toString);
        String scores = evaluated.out.substring(evaluated.out.indexOf(" - loss:"));
        assertTrue(trained.out.contains(scores), trained.out + "\n" + evaluated.out);
    }

    @Test
    void withoutThePluginTheSavedModelNamesTheMissingLayer() throws IOException {
        Path elsewhere = Files.createDirectories(home.resolve("no-plugins-home"));
        Launcher failed = Launcher.run(elsewhere, "evaluate", "--model-file", run.resolve("model.zip").toString(),
                "--data", data.toString());
        assertEquals(1, failed.exitCode, failed::toString);
        assertTrue(failed.err.contains("'GatedLinearUnit' is not provided by any plugin (it came from module example.plugin;"), failed::toString);
    }

    /** The plugin's layer, activation and optimizer go out in every format and come back, scoring the same. */
    @Test
    void thePluginModelSurvivesEveryFormat() {
        Launcher original = Launcher.run(home, "evaluate", "--model-file", run.resolve("model.zip").toString(),
                "--data", data.toString(), "--batch-size", "16");
        String scores = original.out.substring(original.out.indexOf(" - loss:"));
        for (String format : List.of("h5", "keras", "tfjs")) {
            Path out = home.resolve("exported-" + format + (format.equals("tfjs") ? "" : "." + format));
            Launcher exported = Launcher.run(home, "export", "--model-file", run.resolve("model.zip").toString(),
                    "--format", format, "--out", out.toString());
            assertEquals(0, exported.exitCode, exported::toString);
            Launcher evaluated = Launcher.run(home, "evaluate", "--model-file", out.toString(), "--data", data.toString(),
                    "--batch-size", "16");
            assertEquals(0, evaluated.exitCode, evaluated::toString);
            assertEquals(scores, evaluated.out.substring(evaluated.out.indexOf(" - loss:")), format);
        }
    }
}
