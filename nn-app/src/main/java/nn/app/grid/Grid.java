package nn.app.grid;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final RunConfig settings;
    private final boolean overwrite;
    private final Optional<String> sparkMaster;
    private final Console console;

    /** @param settings what every run shares (data, plugins, threads, kernels, verbosity); --out is the grid's folder */
    public Grid(GridSpec spec, RunConfig settings, boolean overwrite, Optional<String> sparkMaster, Console console) {
        this.spec = spec;
        this.settings = settings;
        this.overwrite = overwrite;
        this.sparkMaster = sparkMaster;
        this.console = console;
    }

    public void run() {
        List<NamedRun> planned = spec.runs(settings, CHECK_ONLY);
        Module shared = Preflight.check(planned, planned.get(0).config(), console, (run, built) -> { });
        List<String> outputs = new ArrayList<>(List.of(CSV));
        planned.forEach(run -> outputs.add(run.config().outDir().orElseThrow().getFileName().toString()));
        try (RunFolder out = RunFolder.claimNew(settings.outDir(), overwrite, outputs);
                RunTrainer trainer = Runs.trainer(sparkMaster, settings, shared, console)) {
            List<NamedRun> runs = spec.runs(settings, out.path());
            List<RunResult> results = trainer.train(runs);
            GridReport report = new GridReport(runs, results);
            report.writeCsv(out.file(CSV));
            console.out().print(report.table());
            console.out().println("best: " + report.best() + "; wrote grid.csv and a folder a run to " + out.path());
        }
    }
}
