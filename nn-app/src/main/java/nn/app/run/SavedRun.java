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
import java.util.function.UnaryOperator;
import nn.app.Console;
import nn.app.report.RunResult;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.PluginRegistry;
import nn.io.LoadedModel;
import nn.io.ModelArchive;

/**
 * A run folder's last checkpoint: the model (built with the saved run's kernels, since they decide
 * the rounding, its weights and optimizer state replacing the initial ones), the run's settings and
 * its progress. From it a run trains on to its epochs with the results of the uninterrupted run
 * ({@code train --resume}, and a grid's or comparison's {@code --resume}), or, when it has trained
 * them all, is read back as the result its training returned: the history from the checkpoint, the
 * test scores by evaluating its model again (the same weights and kernels give the same scores).
 */
public final class SavedRun implements AutoCloseable {
    /** The settings that make two runs the same run; where it ran, what it printed and how long it trains do not. */
    private static final List<String> SAME_RUN = List.of("model", "batch_size", "optimizer", "learning_rate", "activation",
            "seed", "kernels", "limit", "workers", "sync_every");

    private final Path folder;
    private final RunConfig config;
    private final LoadedModel loaded;
    private final TrainingProgress progress;

    private SavedRun(Path folder, RunConfig config, LoadedModel loaded, TrainingProgress progress) {
        this.folder = folder;
        this.config = config;
        this.loaded = loaded;
        this.progress = progress;
    }

    /**
     * The checkpoint {@code last} of the run in {@code folder}, with the saved settings as {@code settings} turns them.
     *
     * @param settings the saved run's settings with what may change, e.g. {@code --epochs}
     */
    static SavedRun load(Path folder, Path last, PluginRegistry registry, UnaryOperator<RunConfig> settings) {
        String source = last + ": state.json";
        AtomicReference<RunConfig> config = new AtomicReference<>();
        LoadedModel loaded = ModelArchive.load(last, registry, state -> {
            config.set(settings.apply(RunConfig.fromMap(TrainingProgress.run(state, source), source + ": run")));
            return ModelFactory.context(config.get());
        });
        return new SavedRun(folder, config.get(), loaded, TrainingProgress.fromState(loaded.state(), source));
    }

    /**
     * The run saved in {@code folder} when it is the {@code planned} run (the same settings, at most
     * its epochs trained): empty when the folder has no checkpoint or another run's.
     */
    public static Optional<SavedRun> read(Path folder, RunConfig planned, PluginRegistry registry) {
        Path last = folder.resolve(Checkpointer.LAST);
        if (!Files.isRegularFile(last)) {
            return Optional.empty();
        }
        AtomicReference<RunConfig> saved = new AtomicReference<>();
        SavedRun run = load(folder, last, registry, settings -> {
            saved.set(settings);
            return planned;
        });
        if (run.epochs() > planned.epochs() || !sameRun(saved.get(), planned)) {
            run.close();
            return Optional.empty();
        }
        return Optional.of(run);
    }

    /**
     * The run's folder, held until closed, cleared of the temporary files a kill left (of its
     * outputs and checkpoints).
     */
    static RunFolder claim(Path folder, String source) {
        RunFolder owned = RunFolder.claimExisting(folder, source);
        Leftovers.remove(folder, Training.OUTPUTS);
        Leftovers.remove(folder.resolve(Checkpointer.LAST).getParent(), List.of(Path.of(Checkpointer.LAST).getFileName().toString(),
                Path.of(Checkpointer.BEST).getFileName().toString()));
        return owned;
    }

    /** Trained all its epochs and wrote its outputs. */
    public boolean finished() {
        return trainedAll() && Files.isRegularFile(folder.resolve("model.zip")) && Files.isRegularFile(folder.resolve("curves.png"));
    }

    /** A finished run's result: its history and its test scores, evaluated again. */
    public RunResult result(FashionMnistData data) {
        return new RunResult(progress.history(), loaded.model().evaluate(data.test(), config.batchSize()));
    }

    /**
     * Trains the run on in its folder to its epochs and returns its result, writing its outputs as
     * training does; a run that had trained them all only gets the outputs a kill left missing.
     *
     * @param shared the bindings the runs share (plugins, registry, data)
     */
    public RunResult finish(Module shared, Console console) {
        try (RunFolder owned = claim(folder, "--resume " + folder)) {
            Injector injector = injector(owned, shared, console);
            if (trainedAll()) {
                writeMissingOutputs(owned);
                return result(injector.getInstance(FashionMnistData.class));
            }
            return injector.getInstance(Training.class).run();
        }
    }

    /** Trains on from the checkpoint in the claimed folder; the run must have epochs left. */
    void trainOn(RunFolder owned, Module shared, Console console) {
        injector(owned, shared, console).getInstance(Training.class).run();
    }

    /** Writes what a kill left missing of run.json, history.csv, model.zip and curves.png; returns their names. */
    List<String> writeMissingOutputs(RunFolder owned) {
        return MissingOutputs.rewrite(owned, loaded.model(), progress.history(), config);
    }

    boolean trainedAll() {
        return progress.epoch() >= config.epochs();
    }

    /** How many epochs the checkpoint holds. */
    public int epochs() {
        return progress.epoch();
    }

    RunConfig config() {
        return config;
    }

    /** Closes the checkpoint's model (training on closes it too; closing again does nothing). */
    @Override
    public void close() {
        loaded.model().close();
    }

    private Injector injector(RunFolder owned, Module shared, Console console) {
        TrainingStart start = new TrainingStart(loaded.model(), progress);
        return AppModule.injector(config, console, Modules.combine(shared, new AbstractModule() {
            @Override
            protected void configure() {
                bind(TrainingStart.class).toInstance(start);
                bind(RunFolder.class).toInstance(owned);
            }
        }));
    }

    private static boolean sameRun(RunConfig saved, RunConfig planned) {
        Map<String, Object> a = saved.toMap();
        Map<String, Object> b = planned.toMap();
        return SAME_RUN.stream().allMatch(key -> Objects.equals(a.get(key), b.get(key)));
    }
}
