package nn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn grid} and {@code nn compare} on Spark ({@link SharedSpark#MASTER}) give, value for value, what the same
 * runs give one after another in this process; everything runs on the class path, as under spark-submit.
 */
class GridOnSparkTest {
    @TempDir
    static Path home;
    static Path data;
    static Path spec;

    @BeforeAll
    static void data() throws IOException {
        SharedSpark.engine();
        data = TinyFashionMnist.write(home.resolve("data"), 96, 40);
        spec = Files.writeString(home.resolve("spec.json"), "{\"models\": [\"bn-before\", \"no-bn\"], \"learning_rate\": [0.01, 0.3],"
                + " \"seeds\": [1, 2], \"epochs\": 2, \"limit\": 64, \"batch_size\": 16}");
    }

    private static Launcher grid(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("grid", "--spec", spec.toString(), "--data", data.toString(), "--out",
                out.toString(), "--verbose", "0"));
        args.addAll(List.of(more));
        return Launcher.run(home, args.toArray(String[]::new));
    }

    @Test
    void aGridOnSparkEqualsTheGridRunOneAfterAnother() throws IOException {
        Path here = home.resolve("here");
        Path spark = home.resolve("spark");
        Launcher sequential = grid(here);
        Launcher onSpark = grid(spark, "--spark", SharedSpark.MASTER);
        assertEquals(0, sequential.exitCode, sequential::toString);
        assertEquals(0, onSpark.exitCode, onSpark::toString);
        assertTrue(onSpark.out.contains("training 8 runs on spark " + SharedSpark.MASTER), onSpark.out);
        assertEquals(RunFiles.withoutTimes(here.resolve("grid.csv")), RunFiles.withoutTimes(spark.resolve("grid.csv")));
        List<String> runs = RunFiles.withoutTimes(here.resolve("grid.csv")).stream().skip(1).map(row -> row.split(",")[0])
                .toList();
        assertEquals(8, runs.size());
        for (String run : runs) {
            assertArrayEquals(RunFiles.modelEntry(here.resolve(run), "weights.bin"), RunFiles.modelEntry(spark.resolve(run),
                    "weights.bin"), run);
            assertEquals(RunFiles.withoutTimes(here.resolve(run).resolve("history.csv")),
                    RunFiles.withoutTimes(spark.resolve(run).resolve("history.csv")));
            assertEquals(Files.readString(here.resolve(run).resolve("run.json")).replace(here.toString(), "#"),
                    Files.readString(spark.resolve(run).resolve("run.json")).replace(spark.toString(), "#"));
        }
    }

    @Test
    void aComparisonOnSparkEqualsTheComparisonHere() throws IOException {
        Path here = home.resolve("compare-here");
        Path spark = home.resolve("compare-spark");
        for (Path out : List.of(here, spark)) {
            List<String> args = new java.util.ArrayList<>(List.of("compare", "--data", data.toString(), "--epochs", "2", "--seeds",
                    "1,2", "--batch-size", "16", "--limit", "64", "--out", out.toString(), "--verbose", "0"));
            if (out == spark) {
                args.addAll(List.of("--spark", SharedSpark.MASTER));
            }
            Launcher compare = Launcher.run(home, args.toArray(String[]::new));
            assertEquals(0, compare.exitCode, compare::toString);
        }
        assertEquals(RunFiles.withoutTimes(here.resolve("compare.csv")), RunFiles.withoutTimes(spark.resolve("compare.csv")));
        assertArrayEquals(RunFiles.modelEntry(here.resolve("no-bn-seed2"), "weights.bin"),
                RunFiles.modelEntry(spark.resolve("no-bn-seed2"), "weights.bin"));
    }

    @Test
    void aPluginThatFailsOnTheExecutorFailsTheJobWithOneLine() throws IOException {
        Path failing = Files.writeString(home.resolve("failing.json"),
                "{\"activation\": \"fails_on_executors\", \"epochs\": 1, \"limit\": 32, \"batch_size\": 16, \"seeds\": [3]}");
        Launcher run = Launcher.run(home, "grid", "--spec", failing.toString(), "--data", data.toString(), "--out",
                home.resolve("failing").toString(), "--verbose", "0", "--spark", SharedSpark.MASTER);
        run.assertError(1, "bn-before_seed3: ", "this plugin cannot run on an executor");
    }

    @Test
    void pluginJarsTravelWithTheRunsAndLoadOnTheClassPath() throws IOException {
        Path plugins = Path.of(System.getProperty("nn.test.plugins"));
        Path withPlugins = Files.writeString(home.resolve("plugins.json"), "{\"optimizer\": \"Lion\", \"learning_rate\": 0.0003,"
                + " \"activation\": [\"relu\", \"mish\"], \"epochs\": 1, \"limit\": 32, \"batch_size\": 16, \"seeds\": [5]}");
        Path here = home.resolve("plugins-here");
        Path spark = home.resolve("plugins-spark");
        for (Path out : List.of(here, spark)) {
            List<String> args = new java.util.ArrayList<>(List.of("grid", "--spec", withPlugins.toString(), "--data", data.toString(),
                    "--plugins", plugins.toString(), "--out", out.toString(), "--verbose", "0"));
            if (out == spark) {
                args.addAll(List.of("--spark", SharedSpark.MASTER));
            }
            Launcher grid = Launcher.run(home, args.toArray(String[]::new));
            assertEquals(0, grid.exitCode, grid::toString);
        }
        assertTrue(Files.readString(spark.resolve("grid.csv")).contains("bn-before_activation=mish_seed5,bn-before,Lion,"));
        assertEquals(RunFiles.withoutTimes(here.resolve("grid.csv")), RunFiles.withoutTimes(spark.resolve("grid.csv")));
        String config = new String(RunFiles.modelEntry(spark.resolve("bn-before_activation=mish_seed5"), "model.json"),
                StandardCharsets.UTF_8);
        assertTrue(config.contains("\"example.plugin/mish\"") && config.contains("\"example.plugin/Lion\""), config);
    }

    /** A grid stopped part way goes on from its runs' checkpoints on Spark (they travel in the task's bytes), to the bits of runs here. */
    @Test
    void aResumedGridGoesOnFromItsCheckpointsOnSpark() throws IOException {
        Path oneEpoch = Files.writeString(home.resolve("one.json"),
                "{\"models\": [\"bn-before\", \"no-bn\"], \"seeds\": [6], \"epochs\": 1, \"limit\": 64, \"batch_size\": 16}");
        Path twoEpochs = Files.writeString(home.resolve("two.json"),
                "{\"models\": [\"bn-before\", \"no-bn\"], \"seeds\": [6], \"epochs\": 2, \"limit\": 64, \"batch_size\": 16}");
        Path stopped = home.resolve("stopped");
        Path here = home.resolve("uninterrupted");
        assertEquals(0, Launcher.run(home, "grid", "--spec", oneEpoch.toString(), "--data", data.toString(), "--out",
                stopped.toString(), "--verbose", "0").exitCode);
        Launcher resumed = Launcher.run(home, "grid", "--spec", twoEpochs.toString(), "--data", data.toString(), "--out",
                stopped.toString(), "--verbose", "0", "--resume", "--spark", SharedSpark.MASTER);
        Launcher uninterrupted = Launcher.run(home, "grid", "--spec", twoEpochs.toString(), "--data", data.toString(), "--out",
                here.toString(), "--verbose", "0");
        assertEquals(0, resumed.exitCode, resumed::toString);
        assertEquals(0, uninterrupted.exitCode, uninterrupted::toString);
        assertTrue(resumed.out.contains("2 to train (2 from their checkpoints)"), resumed::toString);
        assertEquals(RunFiles.withoutTimes(here.resolve("grid.csv")), RunFiles.withoutTimes(stopped.resolve("grid.csv")));
        for (String run : List.of("bn-before_seed6", "no-bn_seed6")) {
            assertArrayEquals(RunFiles.modelEntry(here.resolve(run), "weights.bin"), RunFiles.modelEntry(stopped.resolve(run),
                    "weights.bin"), run);
            assertEquals(RunFiles.withoutTimes(here.resolve(run).resolve("history.csv")),
                    RunFiles.withoutTimes(stopped.resolve(run).resolve("history.csv")), run);
        }
    }
}
