package nn.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nn.api.NnException;
import nn.app.report.RunResult;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.LoadedModel;
import nn.io.ModelArchive;

/**
 * A run folder whose run has trained to its end with the planned settings, read back as the result
 * its training returned: the history from its last checkpoint, the test scores by evaluating the
 * checkpoint's model again (the same weights and kernels give the same scores). For continuing a
 * grid: finished runs are not trained again.
 */
public final class FinishedRun {
    /** The settings that make two runs the same run; where it ran and what it printed do not. */
    private static final List<String> SAME_RUN = List.of("model", "epochs", "batch_size", "optimizer", "learning_rate", "activation",
            "seed", "kernels", "limit", "workers", "sync_every");

    private FinishedRun() {
    }

    /**
     * The result of the run in {@code folder}, or empty when it did not finish (no model.zip or
     * curves.png, its last checkpoint short of the planned epochs) or ran with other settings.
     *
     * @throws NnException when its last checkpoint cannot be read
     */
    public static Optional<RunResult> read(Path folder, RunConfig planned, PluginRegistry registry, FashionMnistData data) {
        Path last = folder.resolve(Checkpointer.LAST);
        if (!Files.isRegularFile(last) || !Files.isRegularFile(folder.resolve("model.zip"))
                || !Files.isRegularFile(folder.resolve("curves.png"))) {
            return Optional.empty();
        }
        String source = last + ": state.json";
        AtomicReference<RunConfig> saved = new AtomicReference<>();
        LoadedModel loaded = ModelArchive.load(last, registry, state -> {
            saved.set(RunConfig.fromMap(TrainingProgress.run(state, source), source + ": run"));
            return ModelFactory.context(saved.get());
        });
        try (Sequential model = loaded.model()) {
            TrainingProgress progress = TrainingProgress.fromState(loaded.state(), source);
            if (progress.epoch() < planned.epochs() || !sameRun(saved.get(), planned)) {
                return Optional.empty();
            }
            Map<String, Double> test = model.evaluate(data.test(), planned.batchSize());
            return Optional.of(new RunResult(progress.history(), test));
        }
    }

    private static boolean sameRun(RunConfig saved, RunConfig planned) {
        Map<String, Object> a = saved.toMap();
        Map<String, Object> b = planned.toMap();
        return SAME_RUN.stream().allMatch(key -> Objects.equals(a.get(key), b.get(key)));
    }
}
