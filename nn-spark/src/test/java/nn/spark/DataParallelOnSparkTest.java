package nn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --workers 2} on Spark ({@link SharedSpark#MASTER}) gives the bits of the same run in this process:
 * the workers' rounds travel as bytes and the driver combines them in shard order either way.
 */
class DataParallelOnSparkTest {
    @TempDir
    static Path home;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        SharedSpark.engine();
        data = TinyFashionMnist.write(home.resolve("data"), 80, 20);
    }

    @ParameterizedTest(name = "sync every {0}")
    @ValueSource(ints = {1, 3})
    void twoWorkersOnSparkTrainTheSameBitsAsInProcess(int syncEvery) throws IOException {
        Path here = train("here-" + syncEvery, syncEvery);
        Path spark = train("spark-" + syncEvery, syncEvery, "--spark", SharedSpark.MASTER);
        assertArrayEquals(RunFiles.modelEntry(here, "weights.bin"), RunFiles.modelEntry(spark, "weights.bin"));
        assertEquals(RunFiles.withoutTimes(here.resolve("history.csv")), RunFiles.withoutTimes(spark.resolve("history.csv")));
        assertTrue(Files.readString(spark.resolve("run.json")).contains("\"spark\" : \"" + SharedSpark.MASTER + "\""));
    }

    /** The example plugin's jar travels with every round; workers load it on the class path (in other JVMs on local-cluster). */
    @Test
    void pluginLayersTrainOnTheWorkersToTheSameBits() throws IOException {
        String plugins = System.getProperty("nn.test.plugins");
        Path here = train("plugin-here", 1, "--plugins", plugins, "--activation", "mish", "--optimizer", "Lion",
                "--learning-rate", "0.0003");
        Path spark = train("plugin-spark", 1, "--plugins", plugins, "--activation", "mish", "--optimizer", "Lion",
                "--learning-rate", "0.0003", "--spark", SharedSpark.MASTER);
        assertArrayEquals(RunFiles.modelEntry(here, "weights.bin"), RunFiles.modelEntry(spark, "weights.bin"));
        assertEquals(RunFiles.withoutTimes(here.resolve("history.csv")), RunFiles.withoutTimes(spark.resolve("history.csv")));
        String model = new String(RunFiles.modelEntry(spark, "model.json"), StandardCharsets.UTF_8);
        assertTrue(model.contains("\"example.plugin/mish\""), model);
    }

    private static Path train(String name, int syncEvery, String... more) {
        Path out = home.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--epochs", "2", "--batch-size", "16",
                "--workers", "2", "--sync-every", String.valueOf(syncEvery), "--out", out.toString(), "--verbose", "0"));
        args.addAll(List.of(more));
        Launcher run = Launcher.run(home, args.toArray(String[]::new));
        assertEquals(0, run.exitCode, run::toString);
        return out;
    }
}
