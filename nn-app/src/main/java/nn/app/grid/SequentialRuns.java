package nn.app.grid;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.run.Training;
import nn.app.wiring.AppModule;

/** Trains runs one after another in this process, each through the train command's flow, with a header line each. */
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
        List<RunResult> results = new ArrayList<>();
        for (NamedRun run : runs) {
            console.out().println("== " + run.name() + " (" + (results.size() + 1) + "/" + runs.size() + ") ==");
            try {
                results.add(AppModule.injector(run.config(), console, shared).getInstance(Training.class).run());
            } catch (NnException e) {
                throw new NnException(run.name() + ": " + e.getMessage(), e);
            }
        }
        return results;
    }
}
