package nn.app.grid;

import com.google.inject.Injector;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.run.FinishedRun;
import nn.app.run.RunFolder;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.core.PluginRegistry;

/**
 * Runs trained into a command's folder that may hold some of them already ({@code --resume}): runs
 * that finished there with their planned settings are read back ({@link FinishedRun}), the folders
 * of the others cleared, and only those trained.
 */
public final class ContinuedRuns {

    private ContinuedRuns() {
    }

    /**
     * Every run's result, in run order.
     *
     * @throws RunsFailedException naming the runs that failed, with the results of all the others
     */
    public static List<RunResult> train(List<NamedRun> runs, RunTrainer trainer, boolean resume, Module shared, RunFolder out,
            Console console) {
        if (!resume) {
            return trainer.train(runs);
        }
        Map<String, RunResult> results = finishedBefore(runs, shared, out, console);
        List<NamedRun> todo = runs.stream().filter(run -> !results.containsKey(run.name())).toList();
        try {
            List<RunResult> trained = todo.isEmpty() ? List.of() : trainer.train(todo);
            for (int i = 0; i < todo.size(); i++) {
                results.put(todo.get(i).name(), trained.get(i));
            }
        } catch (RunsFailedException e) {
            for (int i = 0; i < e.finishedRuns().size(); i++) {
                results.put(e.finishedRuns().get(i).name(), e.finishedResults().get(i));
            }
            List<NamedRun> finished = runs.stream().filter(run -> results.containsKey(run.name())).toList();
            throw new RunsFailedException(e.getMessage(), e.getCause(), finished,
                    finished.stream().map(run -> results.get(run.name())).toList());
        }
        return runs.stream().map(run -> results.get(run.name())).toList();
    }

    /** The runs that finished before, read back; the folders of the others are cleared (a run stopped part way starts over). */
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
        console.out().println("continuing in " + out.path() + ": " + finished.size() + " of " + runs.size()
                + " runs had finished, " + (runs.size() - finished.size()) + " to train");
        return finished;
    }
}
