package nn.app.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nn.api.BuildContext;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.LoadedModel;
import nn.io.ModelArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --workers N [--sync-every K]} end to end on tiny data, in-process: one worker is
 * ordinary training bit for bit, a data-parallel run resumes as it would have gone on, and the
 * settings are saved with the run.
 */
class DataParallelTrainTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir
    static Path home;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 100, 20);
    }

    private static Launcher train(String out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--batch-size", "16",
                "--out", home.resolve(out).toString()));
        args.addAll(List.of(more));
        for (String[] preset : new String[][] {{"--epochs", "2"}, {"--verbose", "0"}}) {
            if (!args.contains(preset[0])) {
                args.addAll(List.of(preset));
            }
        }
        Launcher run = Launcher.run(home, args.toArray(String[]::new));
        assertEquals(0, run.exitCode, run::toString);
        return run;
    }

    @Test
    void oneWorkerIsOrdinaryTrainingBitForBit() throws IOException {
        train("ordinary");
        train("one-worker", "--workers", "1");
        train("one-worker-k3", "--workers", "1", "--sync-every", "3");
        assertSameModel(home.resolve("ordinary"), home.resolve("one-worker"));
        assertSameModel(home.resolve("ordinary"), home.resolve("one-worker-k3"));
        assertEquals(history(home.resolve("ordinary")), history(home.resolve("one-worker")));
        assertEquals(history(home.resolve("ordinary")), history(home.resolve("one-worker-k3")));
    }

    @Test
    void twoWorkersTrainAnotherModelAndSayWhatTheRoundsCost() throws IOException {
        train("ordinary-2");
        Launcher run = train("two-workers", "--workers", "2", "--verbose", "2");
        assertTrue(run.out.contains("data-parallel, 2 workers, sync every 1, in-process, 2 threads: 14 rounds of 2.0 tasks"),
                run::toString);
        assertNotEquals(history(home.resolve("ordinary-2")), history(home.resolve("two-workers")));
        String json = Files.readString(home.resolve("two-workers/run.json"));
        assertTrue(json.contains("\"workers\" : 2,\n  \"sync_every\" : 1,\n  \"spark\" : null"), json);
    }

    @Test
    void anInProcessRunLeavesNoIdleWorkerModel() {
        Set<String> before = WorkerCache.idleSetups();
        train("released", "--workers", "2");
        assertEquals(before, WorkerCache.idleSetups());
    }

    @Test
    void aResumedDataParallelRunIsTheUninterruptedRun() throws IOException {
        train("straight", "--workers", "2", "--sync-every", "2", "--epochs", "3");
        train("stopped", "--workers", "2", "--sync-every", "2", "--epochs", "1");
        Launcher resumed = Launcher.run(home, "train", "--resume", home.resolve("stopped").toString(), "--epochs", "3",
                "--verbose", "0");
        assertEquals(0, resumed.exitCode, resumed::toString);
        assertSameModel(home.resolve("straight"), home.resolve("stopped"));
        assertEquals(history(home.resolve("straight")), history(home.resolve("stopped")));
    }

    @Test
    void aResumedRunKeepsItsWorkersAndRunsOnSparkOnlyIfDataParallel() {
        train("ordinary-3", "--epochs", "1");
        Path run = home.resolve("ordinary-3");
        Launcher.run(home, "train", "--resume", run.toString(), "--workers", "2", "--sync-every", "2")
                .assertError(2, "--resume continues a run with its own settings: --workers, --sync-every cannot be given with it");
        Launcher.run(home, "train", "--resume", run.toString(), "--epochs", "2", "--spark", "local[2]")
                .assertError(2, "--spark runs data-parallel training only, and this run has no --workers");
    }

    static void assertSameModel(Path expected, Path actual) {
        try (Sequential a = load(expected).model(); Sequential b = load(actual).model()) {
            for (int i = 0; i < a.weights().size(); i++) {
                assertArrayEquals(a.weights().get(i).value().data, b.weights().get(i).value().data, a.weights().get(i).path());
            }
            assertEquals(a.optimizer().iterations(), b.optimizer().iterations());
            a.optimizer().slots().forEach((name, slot) -> assertArrayEquals(slot.data, b.optimizer().slots().get(name).data, name));
        }
    }

    private static LoadedModel load(Path run) {
        return ModelArchive.load(run.resolve("model.zip"), REGISTRY, BuildContext.seeded(0));
    }

    /** history.csv without its seconds column, the one thing that differs between runs. */
    static List<String> history(Path run) throws IOException {
        return Files.readAllLines(run.resolve("history.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(',')))
                .toList();
    }
}
