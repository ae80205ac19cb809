package nn.app.grid;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.List;
import nn.api.NnException;
import nn.app.Console;
import nn.app.ErrorLine;
import nn.app.report.RunResult;
import nn.app.run.SavedRun;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.core.PluginRegistry;

/**
 * Trains runs one after another in this process, each through the train command's flow, with a
 * header line each. A run that fails does not stop the ones after it: one error names every failed
 * run at the end, as on an engine.
 */
public final class SequentialRuns implements RunTrainer {
    private final Module shared;
    private final Console console;

    /** @param shared bindings every run uses, loaded once (plugins, registry, data) */
    public SequentialRuns(Module shared, Console console) {
        this.shared = shared;
        this.console = console;
    }

    @Override
    public List<RunResult> train(List<NamedRun> runs) {
        RunTally tally = new RunTally();
        for (int i = 0; i < runs.size(); i++) {
            NamedRun run = runs.get(i);
            console.out().println("== " + run.name() + " (" + (i + 1) + "/" + runs.size() + ") ==");
            try {
                tally.finished(run, run.fromCheckpoint() ? trainOn(run) : AppModule.injector(run.config(), console, shared)
                        .getInstance(Training.class).run());
            } catch (RuntimeException e) {
                tally.failed(run, ErrorLine.of(e), e);
                console.out().println("== " + run.name() + " failed: " + ErrorLine.of(e) + " ==");
            }
        }
        return tally.results(runs.size());
    }

    /** A run stopped part way, on from the checkpoint in its folder. */
    private RunResult trainOn(NamedRun run) {
        PluginRegistry registry = AppModule.injector(run.config(), console, shared).getInstance(PluginRegistry.class);
        Path folder = run.config().outDir().orElseThrow();
        SavedRun saved = SavedRun.read(folder, run.config(), registry)
                .orElseThrow(() -> new NnException(folder + ": its checkpoint does not continue this run"));
        try (saved) {
            return saved.finish(shared, console);
        }
    }
}
