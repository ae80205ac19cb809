package nn.app.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.app.Console;
import nn.app.Folders;
import nn.app.plugins.ShippedPlugins;
import nn.app.report.RunResult;
import nn.core.engine.Engine;
import nn.core.engine.TaskFailedException;
import nn.core.engine.TaskOutcome;
import nn.io.AtomicFile;

/**
 * Trains runs as tasks of an {@link Engine} ({@link RunTask}), with the plugin jars carried in each
 * task's bytes, then writes each run's files into its folder here: the same folders as training here
 * would leave. A failed run does not cost the others theirs: every finished run's folder is written,
 * then one error names each failed run. Closing it closes the engine.
 */
public final class EngineRuns implements RunTrainer {
    static final int RUNS_PER_TASK_SLOT = 2;

    private final Engine engine;
    private final Optional<Path> pluginsFolder;
    private final Console console;

    /** @param pluginsFolder the folder whose jars every run gets, if any */
    public EngineRuns(Engine engine, Optional<Path> pluginsFolder, Console console) {
        this.engine = engine;
        this.pluginsFolder = pluginsFolder;
        this.console = console;
    }

    @Override
    public List<RunResult> train(List<NamedRun> runs) {
        Map<String, byte[]> jars = pluginsFolder.map(ShippedPlugins::read).orElse(Map.of());
        console.out().println("training " + runs.size() + (runs.size() == 1 ? " run" : " runs") + " on " + engine.description()
                + (jars.isEmpty() ? "" : ", with the plugins " + String.join(", ", jars.keySet())) + "...");
        long start = System.nanoTime();
        int wave = waveSize(engine.parallelism());
        RunTally tally = new RunTally();
        for (int from = 0; from < runs.size(); from += wave) {
            List<NamedRun> batch = runs.subList(from, Math.min(runs.size(), from + wave));
            List<TaskOutcome> outcomes = engine.runEach(RunTask.NAME,
                    batch.stream().map(run -> new RunPackage(run.config(), jars, checkpoints(run)).toBytes()).toList());
            for (int w = 0; w < batch.size(); w++) {
                int i = from + w;
                NamedRun run = batch.get(w);
                String header = "== " + run.name() + " (" + (i + 1) + "/" + runs.size() + "): ";
                try {
                    RunOutcome outcome = RunOutcome.fromBytes(outcomes.get(w).outputOf(RunTask.NAME, i));
                    write(outcome, run.config().outDir().orElseThrow());
                    tally.finished(run, outcome.result());
                    console.out().println(header + "test " + scores(outcome.result()) + " ==");
                } catch (NnException e) {
                    tally.failed(run, e instanceof TaskFailedException failed ? failed.failure() : e.getMessage(), e);
                    console.out().println(header + "failed ==");
                }
            }
        }
        console.out().println(String.format(Locale.ROOT, "trained %d %s on %s in %.1f s", runs.size(), runs.size() == 1 ? "run" : "runs",
                engine.description(), (System.nanoTime() - start) / 1e9));
        return tally.results(runs.size());
    }

    /**
     * Runs go to the engine in waves of {@value #RUNS_PER_TASK_SLOT} a task slot, each wave's files
     * written before the next one trains: the driver holds a few runs' files at a time (a run's
     * bundle, model and checkpoints, is megabytes; Spark also caps what one job may collect), and a
     * grid stopped part way keeps the waves that finished.
     */
    static int waveSize(int parallelism) {
        return Math.max(1, parallelism) * RUNS_PER_TASK_SLOT;
    }

    /** The files of a run's {@code checkpoints/} folder when it goes on from them, else none. */
    private static Map<String, byte[]> checkpoints(NamedRun run) {
        if (!run.fromCheckpoint()) {
            return Map.of();
        }
        Path folder = run.config().outDir().orElseThrow().resolve("checkpoints");
        try {
            return Folders.read(folder, ".zip");
        } catch (IOException e) {
            throw new NnException(folder + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String scores(RunResult result) {
        StringBuilder text = new StringBuilder();
        result.testScores().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(score -> text
                .append(text.length() == 0 ? "" : ", ").append(score.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", score.getValue())));
        return text.toString();
    }

    @Override
    public void close() {
        engine.close();
    }

    private static void write(RunOutcome outcome, Path folder) {
        for (Map.Entry<String, byte[]> file : outcome.files().entrySet()) {
            Path target = folder.resolve(file.getKey()).normalize();
            if (!target.startsWith(folder.normalize())) {
                throw new NnException("run outcome: file '" + file.getKey() + "' lies outside " + folder);
            }
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new NnException(folder + ": cannot create " + target.getParent() + ": " + e.getMessage(), e);
            }
            AtomicFile.write(target, out -> out.write(file.getValue()));
        }
    }
}
