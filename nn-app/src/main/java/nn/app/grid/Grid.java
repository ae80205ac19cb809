package nn.app.grid;

import com.google.inject.Injector;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.app.BadOption;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.run.FinishedRun;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.core.PluginRegistry;

/**
 * {@code nn grid}: trains every combination of a {@link GridSpec}, each run in its own folder through
 * the train command's flow, here one after another or as Spark tasks, then writes grid.csv and prints
 * the runs best first (lowest final validation loss).
 */
public final class Grid {
    static final String CSV = "grid.csv";
    private static final Path CHECK_ONLY = Path.of("unused");

    private final GridSpec spec;
    private final ManyRuns many;
    private final boolean resume;

    /**
     * @param many   what every run shares (data, plugins, threads, kernels, verbosity; --out is the grid's folder) and where they train
     * @param resume continue the grid in its existing --out: runs that finished with these settings are read back, not trained again
     */
    public Grid(GridSpec spec, ManyRuns many, boolean resume) {
        this.spec = spec;
        this.many = many;
        this.resume = resume;
    }

    public void run() {
        RunConfig settings = many.settings();
        Console console = many.console();
        List<NamedRun> planned = spec.runs(settings, CHECK_ONLY);
        Module shared = Preflight.check(planned, planned.get(0).config(), console, (run, built) -> { });
        List<String> outputs = new ArrayList<>(List.of(CSV));
        planned.forEach(run -> outputs.add(run.config().outDir().orElseThrow().getFileName().toString()));
        try (RunFolder out = resume ? continued(settings) : many.claimFolder(outputs); RunTrainer trainer = many.trainer(shared)) {
            List<NamedRun> runs = spec.runs(settings, out.path());
            Map<String, RunResult> finished = resume ? finishedBefore(runs, shared, out, console) : new LinkedHashMap<>();
            List<NamedRun> todo = runs.stream().filter(run -> !finished.containsKey(run.name())).toList();
            try {
                List<RunResult> trained = todo.isEmpty() ? List.of() : trainer.train(todo);
                for (int i = 0; i < todo.size(); i++) {
                    finished.put(todo.get(i).name(), trained.get(i));
                }
            } catch (RunsFailedException e) {
                for (int i = 0; i < e.finishedRuns().size(); i++) {
                    finished.put(e.finishedRuns().get(i).name(), e.finishedResults().get(i));
                }
                List<NamedRun> done = runs.stream().filter(run -> finished.containsKey(run.name())).toList();
                if (!done.isEmpty()) {
                    report(new GridReport(done, done.stream().map(run -> finished.get(run.name())).toList()), out, console,
                            done.size() == 1 ? "wrote grid.csv of the finished run and its folder to "
                                    : "wrote grid.csv of the " + done.size() + " finished runs and their folders to ");
                }
                throw e;
            }
            report(new GridReport(runs, runs.stream().map(run -> finished.get(run.name())).toList()), out, console,
                    "wrote grid.csv and a folder a run to ");
        }
    }

    private static RunFolder continued(RunConfig settings) {
        Path folder = settings.outDir().orElseThrow(() -> new BadOption("--resume", "needs the grid's folder as --out"));
        return RunFolder.claimExisting(folder, "--out " + folder);
    }

    /**
     * The runs that finished before with their planned settings, read back; the folders of the others
     * are cleared for training them again (a run stopped part way starts over).
     */
    private static Map<String, RunResult> finishedBefore(List<NamedRun> runs, Module shared, RunFolder out, Console console) {
        Map<String, RunResult> finished = new LinkedHashMap<>();
        Injector injector = AppModule.injector(runs.get(0).config(), console, shared);
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        FashionMnistData data = injector.getInstance(FashionMnistData.class);
        for (NamedRun run : runs) {
            Path folder = run.config().outDir().orElseThrow();
            FinishedRun.read(folder, run.config(), registry, data).ifPresentOrElse(result -> finished.put(run.name(), result),
                    () -> RunFolder.claimNew(Optional.of(folder), true, Training.OUTPUTS).close());
        }
        console.out().println("continuing the grid in " + out.path() + ": " + finished.size() + " of " + runs.size()
                + " runs had finished, " + (runs.size() - finished.size()) + " to train");
        return finished;
    }

    private static void report(GridReport report, RunFolder out, Console console, String wrote) {
        report.writeCsv(out.file(CSV));
        console.out().print(report.table());
        console.out().println("best: " + report.best() + "; " + wrote + out.path());
    }
}
