package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nn.api.BuildContext;
import nn.app.Launcher;
import nn.app.OwnJvmLauncher;
import nn.app.TinyFashionMnist;
import nn.core.PluginRegistry;
import nn.io.LoadedModel;
import nn.io.ModelArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, in a JVM of its own, training the tutorial's model for many epochs and killed with
 * SIGKILL ({@link Process#destroyForcibly()}) at a random moment after its first checkpoint, several
 * times: every time the last checkpoint loads, and the run resumes from it.
 */
class KilledTrainingTest {
    private static final int KILLS = 5;
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir
    Path home;

    @Test
    void aRunKilledAtRandomMomentsAlwaysLeavesALastCheckpointThatLoadsAndResumes() throws Exception {
        List<String> launcher = OwnJvmLauncher.command();
        Path data = TinyFashionMnist.write(home.resolve("data"), 64, 16);
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> epochsReached = new ArrayList<>();
        int leftovers = 0;
        double toFirstCheckpoint = 0;
        double resuming = 0;
        long start = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            Path run = home.resolve("run" + kill);
            Path log = home.resolve("run" + kill + ".log");
            List<String> command = new ArrayList<>(launcher);
            command.addAll(List.of("train", "--data", data.toString(), "--epochs", "200", "--batch-size", "16",
                    "--out", run.toString(), "--verbose", "2"));
            long launched = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Path last = run.resolve(Checkpointer.LAST);
            String context = "kill " + kill + " (random seed " + seed + "), log " + log;
            awaitFirstCheckpoint(process, last, log, context);
            toFirstCheckpoint += (System.nanoTime() - launched) / 1e9;
            Thread.sleep(random.nextInt(1000));
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), context);
            assertTrue(process.exitValue() != 0, () -> "the run ended by itself before the kill: " + context);

            LoadedModel loaded = ModelArchive.load(last, REGISTRY, BuildContext.seeded(0));
            int epoch = loaded.epoch();
            assertTrue(epoch >= 1, context);
            epochsReached.add(epoch);
            leftovers += temporaryFiles(run.resolve("checkpoints")).size();

            long resumeStart = System.nanoTime();
            Launcher resumed = Launcher.run(home, "train", "--resume", run.toString(), "--epochs", String.valueOf(epoch + 1),
                    "--verbose", "0");
            resuming += (System.nanoTime() - resumeStart) / 1e9;
            assertEquals(0, resumed.exitCode, () -> context + "\n" + resumed);
            assertEquals(epoch + 1, ModelArchive.load(last, REGISTRY, BuildContext.seeded(0)).epoch(), context);
            assertEquals(epoch + 2, Files.readAllLines(run.resolve("history.csv")).size(), context);
            assertEquals(List.of(), temporaryFiles(run.resolve("checkpoints")), context);
        }
        System.out.printf("KilledTrainingTest: %d kills, epochs reached %s, %d leftover temporary files (removed on resume), "
                + "%.1f s (mean %.1f s from launch to the first checkpoint, %.1f s to resume one epoch), random seed %d%n",
                KILLS, epochsReached, leftovers, (System.nanoTime() - start) / 1e9, toFirstCheckpoint / KILLS, resuming / KILLS, seed);
    }

    /**
     * {@code java --module-path <the test JVM's> -m nn.app/nn.app.Main}: surefire runs the tests on the
     * module path, with the jars no named module requires (Guava, for Guice) on the class path.
     */
    private static void awaitFirstCheckpoint(Process process, Path last, Path log, String context)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(last)) {
            if (!process.isAlive()) {
                fail("the launcher ended before its first checkpoint: " + context + "\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("no checkpoint after 20 s: " + context + "\n" + Files.readString(log));
            }
            Thread.sleep(5);
        }
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
