package nn.app.run;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.LoadedModel;
import nn.io.ModelArchive;

/**
 * A run folder's last checkpoint, for continuing a grid or comparison ({@code --resume}): a run that
 * trained there with the planned settings (its epochs aside) either finished, and is read back as
 * the result its training returned (the history from the checkpoint, the test scores by evaluating
 * the checkpoint's model again: the same weights and kernels give the same scores), or continues
 * from its checkpoint to the planned epochs, as {@code train --resume} does.
 */
public final class SavedRun implements AutoCloseable {
    /** The settings that make two runs the same run; where it ran, what it printed and how long it trains do not. */
    private static final List<String> SAME_RUN = List.of("model", "batch_size", "optimizer", "learning_rate", "activation",
            "seed", "kernels", "limit", "workers", "sync_every");

    private final Path folder;
    private final RunConfig planned;
    private final LoadedModel loaded;
    private final TrainingProgress progress;

    private SavedRun(Path folder, RunConfig planned, LoadedModel loaded, TrainingProgress progress) {
        this.folder = folder;
        this.planned = planned;
        this.loaded = loaded;
        this.progress = progress;
    }

    /**
     * The run saved in {@code folder}, or empty when it has no checkpoint, ran with other settings or
     * trained more epochs than planned (then it is trained again from the start).
     */
    public static Optional<SavedRun> read(Path folder, RunConfig planned, PluginRegistry registry) {
        Path last = folder.resolve(Checkpointer.LAST);
        if (!Files.isRegularFile(last)) {
            return Optional.empty();
        }
        String source = last + ": state.json";
        AtomicReference<RunConfig> saved = new AtomicReference<>();
        LoadedModel loaded = ModelArchive.load(last, registry, state -> {
            saved.set(RunConfig.fromMap(TrainingProgress.run(state, source), source + ": run"));
            return ModelFactory.context(saved.get());
        });
        TrainingProgress progress = TrainingProgress.fromState(loaded.state(), source);
        if (progress.epoch() > planned.epochs() || !sameRun(saved.get(), planned)) {
            loaded.model().close();
            return Optional.empty();
        }
        return Optional.of(new SavedRun(folder, planned, loaded, progress));
    }

    /** Trained all the planned epochs and wrote its outputs. */
    public boolean finished() {
        return progress.epoch() >= planned.epochs() && Files.isRegularFile(folder.resolve("model.zip"))
                && Files.isRegularFile(folder.resolve("curves.png"));
    }

    /** A finished run's result: its history and its test scores, evaluated again. */
    public RunResult result(FashionMnistData data) {
        Map<String, Double> test = loaded.model().evaluate(data.test(), planned.batchSize());
        return new RunResult(progress.history(), test);
    }

    /**
     * Trains the run on from its checkpoint to the planned epochs in its folder (writing its outputs
     * as {@code train --resume} does; a run that had trained them all gets its missing outputs
     * written) and returns its result.
     *
     * @param shared the bindings the runs share (plugins, registry, data)
     */
    public RunResult trainOn(Module shared, Console console) {
        try (RunFolder owned = RunFolder.claimExisting(folder, "--resume " + folder)) {
            Leftovers.remove(folder, Training.OUTPUTS);
            TrainingStart start = new TrainingStart(loaded.model(), progress);
            Injector injector = AppModule.injector(planned, console, Modules.combine(shared, new AbstractModule() {
                @Override
                protected void configure() {
                    bind(TrainingStart.class).toInstance(start);
                    bind(RunFolder.class).toInstance(owned);
                }
            }));
            if (progress.epoch() >= planned.epochs()) {
                // trained to its end, stopped before it wrote all its outputs
                MissingOutputs.rewrite(owned, loaded.model(), progress.history(), planned);
                return result(injector.getInstance(FashionMnistData.class));
            }
            return injector.getInstance(Training.class).run();
        }
    }

    /** How many epochs the checkpoint holds. */
    public int epochs() {
        return progress.epoch();
    }

    /** Closes the checkpoint's model (once {@link #trainOn} has run, the training closed it already). */
    @Override
    public void close() {
        loaded.model().close();
    }

    private static boolean sameRun(RunConfig saved, RunConfig planned) {
        Map<String, Object> a = saved.toMap();
        Map<String, Object> b = planned.toMap();
        return SAME_RUN.stream().allMatch(key -> Objects.equals(a.get(key), b.get(key)));
    }
}
