package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.app.BadPlugins;
import nn.app.Console;
import nn.app.TinyFashionMnist;
import nn.app.report.RunResult;
import nn.app.run.RunConfig;
import nn.core.KernelChoice;
import nn.core.engine.Engine;
import nn.core.engine.LocalEngine;
import nn.core.engine.TaskOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs sent through an engine as bytes ({@link RunTask} on a {@link LocalEngine}) give what the same
 * runs give one after another here, value for value, with their folders written alike.
 */
class EngineRunsTest {
    @TempDir
    static Path home;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 96, 40);
    }

    private static Console console() {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, Map.of());
    }

    private static List<NamedRun> runs(Path folder, Optional<Path> plugins, String activation) {
        RunConfig base = new RunConfig("bn-before", 2, 16, Optional.empty(), Optional.empty(), Optional.ofNullable(activation), 1, 1,
                KernelChoice.AUTO, Optional.of(data), plugins, Optional.of(folder), Optional.of(64), 0);
        return List.of(new NamedRun("a", base.forRun("bn-before", 1, folder.resolve("a"))),
                new NamedRun("b", base.forRun("no-bn", 2, folder.resolve("b"))));
    }

    @Test
    void enginesGiveTheNumbersAndFilesOfRunsOneAfterAnother() throws IOException {
        Path here = home.resolve("here");
        Path engine = home.resolve("engine");
        List<NamedRun> hereRuns = runs(here, Optional.empty(), null);
        Module shared = Preflight.check(hereRuns, hereRuns.get(0).config(), console(), (run, built) -> { });
        List<RunResult> sequential = new SequentialRuns(shared, console()).train(hereRuns);
        List<RunResult> spread;
        try (EngineRuns runs = new EngineRuns(new LocalEngine(2), Optional.empty(), console())) {
            spread = runs.train(runs(engine, Optional.empty(), null));
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(withoutSeconds(sequential.get(i)), withoutSeconds(spread.get(i)));
            assertEquals(sequential.get(i).testScores(), spread.get(i).testScores());
            String run = i == 0 ? "a" : "b";
            assertArrayEquals(GridTest.weights(here.resolve(run)), GridTest.weights(engine.resolve(run)));
            assertEquals(Files.readString(here.resolve(run).resolve("run.json")).replace(here.toString(), "#"),
                    Files.readString(engine.resolve(run).resolve("run.json")).replace(engine.toString(), "#"));
            assertTrue(Files.exists(engine.resolve(run).resolve("checkpoints").resolve("last.zip")));
            assertTrue(Files.exists(engine.resolve(run).resolve("curves.png")));
        }
    }

    private static Map<String, List<Double>> withoutSeconds(RunResult result) {
        return result.history().asMap();
    }

    @Test
    void pluginJarsTravelWithTheRunsAndTheirFailuresNameTheRun() throws IOException {
        Path plugins = BadPlugins.folder(home, "boom", "return \"boom\";",
                "throw new IllegalStateException(\"exploded where the run trains\");");
        try (EngineRuns runs = new EngineRuns(new LocalEngine(1), Optional.of(plugins), console())) {
            NnException e = assertThrows(NnException.class, () -> runs.train(runs(home.resolve("boom"), Optional.of(plugins), "boom")));
            assertTrue(e.getMessage().startsWith("2 of 2 runs failed: a: ") && e.getMessage().contains("; b: ")
                    && e.getMessage().contains("exploded where the run trains"), e.getMessage());
        }
    }

    @Test
    void aFailedRunLeavesTheFinishedRunsFoldersAndIsNamedInOneError() throws IOException {
        Path plugins = BadPlugins.folder(home, "crash", "return \"crash\";",
                "throw new IllegalStateException(\"crashed where the run trains\");");
        for (String trainer : List.of("engine", "sequential")) {
            Path folder = home.resolve("partial-" + trainer);
            RunConfig crashing = new RunConfig("bn-before", 2, 16, Optional.empty(), Optional.empty(), Optional.of("crash"), 1, 1,
                    KernelChoice.AUTO, Optional.of(data), Optional.of(plugins), Optional.of(folder), Optional.of(64), 0);
            RunConfig plain = new RunConfig("no-bn", 2, 16, Optional.empty(), Optional.empty(), Optional.empty(), 2, 1,
                    KernelChoice.AUTO, Optional.of(data), Optional.of(plugins), Optional.of(folder), Optional.of(64), 0);
            NamedRun b = new NamedRun("b", plain.forRun("no-bn", 2, folder.resolve("b")));
            List<NamedRun> runs = List.of(new NamedRun("a", crashing.forRun("bn-before", 1, folder.resolve("a"))), b);
            try (RunTrainer runTrainer = trainer.equals("engine") ? new EngineRuns(new LocalEngine(2), Optional.of(plugins), console())
                    : new SequentialRuns(Preflight.check(List.of(b), b.config(), console(), (run, built) -> { }), console())) {
                NnException e = assertThrows(NnException.class, () -> runTrainer.train(runs));
                assertTrue(e.getMessage().startsWith("a: ") && e.getMessage().contains("crashed where the run trains")
                        && e.getMessage().endsWith(" (the finished run is written to its folder)"), trainer + ": " + e.getMessage());
            }
            assertTrue(Files.exists(folder.resolve("b").resolve("model.zip")), trainer);
            assertTrue(Files.exists(folder.resolve("b").resolve("history.csv")), trainer);
            assertTrue(Files.notExists(folder.resolve("a").resolve("model.zip")), trainer);
        }
    }

    /** A grid goes to the engine in waves of two runs a task slot, each wave written before the next trains. */
    @Test
    void runsGoInWavesAndAFailedWaveDoesNotStopTheNext() throws IOException {
        Path plugins = BadPlugins.folder(home, "waves", "return \"waves\";",
                "throw new IllegalStateException(\"crashed in the first wave\");");
        Path folder = home.resolve("waves");
        RunConfig base = new RunConfig("no-bn", 1, 16, Optional.empty(), Optional.empty(), Optional.empty(), 1, 1,
                KernelChoice.AUTO, Optional.of(data), Optional.of(plugins), Optional.of(folder), Optional.of(32), 0);
        RunConfig crashing = new RunConfig("bn-before", 1, 16, Optional.empty(), Optional.empty(), Optional.of("waves"), 1, 1,
                KernelChoice.AUTO, Optional.of(data), Optional.of(plugins), Optional.of(folder), Optional.of(32), 0);
        List<NamedRun> runs = List.of(new NamedRun("a", crashing.forRun("bn-before", 1, folder.resolve("a"))),
                new NamedRun("b", base.forRun("no-bn", 1, folder.resolve("b"))),
                new NamedRun("c", base.forRun("no-bn", 2, folder.resolve("c"))));
        List<Integer> waves = new ArrayList<>();
        LocalEngine local = new LocalEngine(1);
        Engine recording = new Engine() {
            @Override
            public List<TaskOutcome> runEach(String task, List<byte[]> inputs) {
                waves.add(inputs.size());
                return local.runEach(task, inputs);
            }

            @Override
            public int parallelism() {
                return local.parallelism();
            }

            @Override
            public String description() {
                return local.description();
            }

            @Override
            public void close() {
                local.close();
            }
        };
        try (EngineRuns engineRuns = new EngineRuns(recording, Optional.of(plugins), console())) {
            NnException e = assertThrows(NnException.class, () -> engineRuns.train(runs));
            assertTrue(e.getMessage().startsWith("a: ") && e.getMessage().contains("crashed in the first wave")
                    && e.getMessage().endsWith(" (the 2 finished runs are written to their folders)"), e.getMessage());
        }
        assertEquals(List.of(2, 1), waves);
        assertTrue(Files.exists(folder.resolve("b").resolve("model.zip")));
        assertTrue(Files.exists(folder.resolve("c").resolve("model.zip")));
        assertEquals(List.of(2, 2, 8), List.of(EngineRuns.waveSize(1), EngineRuns.waveSize(0), EngineRuns.waveSize(4)));
    }
}
