package nn.app.grid;

import com.google.inject.Injector;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.run.SavedRun;
import nn.app.run.RunFolder;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.core.PluginRegistry;

/**
 * Runs trained into a command's folder that may hold some of them already ({@code --resume}): runs
 * that finished there with their planned settings are read back ({@link SavedRun}), runs stopped
 * part way go on from their last checkpoint, and the others are trained from the start.
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
        List<NamedRun> todo = new ArrayList<>();
        Map<String, RunResult> results = finishedBefore(runs, todo, shared, out, console);
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

    /**
     * The runs that finished before, read back. Of the others, a run with a checkpoint of the same
     * settings goes on from it; the folders of the rest are cleared for training from the start.
     */
    private static Map<String, RunResult> finishedBefore(List<NamedRun> runs, List<NamedRun> todo, Module shared, RunFolder out,
            Console console) {
        Map<String, RunResult> finished = new LinkedHashMap<>();
        Injector injector = AppModule.injector(runs.get(0).config(), console, shared);
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        FashionMnistData data = injector.getInstance(FashionMnistData.class);
        int fromCheckpoints = 0;
        for (NamedRun run : runs) {
            Path folder = run.config().outDir().orElseThrow();
            Optional<SavedRun> saved = SavedRun.read(folder, run.config(), registry);
            if (saved.isEmpty()) {
                RunFolder.claimNew(Optional.of(folder), true, Training.OUTPUTS).close();
                todo.add(run);
                continue;
            }
            try (SavedRun savedRun = saved.get()) {
                if (savedRun.finished()) {
                    finished.put(run.name(), savedRun.result(data));
                } else {
                    todo.add(new NamedRun(run.name(), run.config(), true));
                    fromCheckpoints++;
                }
            }
        }
        console.out().println("continuing in " + out.path() + ": " + finished.size() + " of " + runs.size()
                + " runs had finished, " + todo.size() + " to train (" + fromCheckpoints + " from their checkpoints)");
        return finished;
    }
}
