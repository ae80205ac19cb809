package nn.app.grid;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;

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

    /** @param many what every run shares (data, plugins, threads, kernels, verbosity; --out is the grid's folder) and where they train */
    public Grid(GridSpec spec, ManyRuns many) {
        this.spec = spec;
        this.many = many;
    }

    public void run() {
        RunConfig settings = many.settings();
        Console console = many.console();
        List<NamedRun> planned = spec.runs(settings, CHECK_ONLY);
        Module shared = Preflight.check(planned, planned.get(0).config(), console, (run, built) -> { });
        List<String> outputs = new ArrayList<>(List.of(CSV));
        planned.forEach(run -> outputs.add(run.config().outDir().orElseThrow().getFileName().toString()));
        try (RunFolder out = many.claimFolder(outputs); RunTrainer trainer = many.trainer(shared)) {
            List<NamedRun> runs = spec.runs(settings, out.path());
            List<RunResult> results;
            try {
                results = ContinuedRuns.train(runs, trainer, many.resume(), shared, out, console);
            } catch (RunsFailedException e) {
                if (!e.finishedRuns().isEmpty()) {
                    report(new GridReport(e.finishedRuns(), e.finishedResults()), out, console,
                            e.finishedRuns().size() == 1 ? "wrote grid.csv of the finished run and its folder to "
                                    : "wrote grid.csv of the " + e.finishedRuns().size() + " finished runs and their folders to ");
                }
                throw e;
            }
            report(new GridReport(runs, results), out, console, "wrote grid.csv and a folder a run to ");
        }
    }

    private static void report(GridReport report, RunFolder out, Console console, String wrote) {
        report.writeCsv(out.file(CSV));
        console.out().print(report.table());
        console.out().println("best: " + report.best() + "; " + wrote + out.path());
    }
}
