package nn.app.run;

import com.google.inject.AbstractModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import nn.api.NnException;
import nn.app.Console;
import nn.app.plugins.Plugins;
import nn.app.wiring.AppModule;
import nn.app.wiring.ModelFactory;
import nn.core.PluginRegistry;
import nn.io.LoadedModel;
import nn.io.ModelArchive;

/**
 * {@code nn train --resume DIR}: loads DIR's last checkpoint (model, weights, optimizer state, the
 * run's settings and progress) and trains on in DIR to the requested epoch, with the same results
 * as the uninterrupted run. It holds DIR's lock throughout and first removes the temporary files a
 * killed run left. A run that already reached that epoch only gets back the outputs a kill left
 * missing.
 */
public final class Resume {

    private Resume() {
    }

    /**
     * @param pluginsDir the --plugins given now (the saved run's folder is not reused: the model
     *        must be loaded, with its plugins, before the saved settings can be read)
     * @param continued  the saved run's settings with what the command line may change
     */
    public static int run(Path folder, Optional<Path> pluginsDir, UnaryOperator<RunConfig> continued, Console console) {
        Path last = lastCheckpoint(folder);
        try (RunFolder owned = RunFolder.claimExisting(folder, "--resume " + folder)) {
            Leftovers.remove(folder, Training.OUTPUTS);
            Leftovers.remove(last.getParent(), List.of(Path.of(Checkpointer.LAST).getFileName().toString(),
                    Path.of(Checkpointer.BEST).getFileName().toString()));
            return resume(owned, last, pluginsDir, continued, console);
        }
    }

    private static int resume(RunFolder folder, Path last, Optional<Path> pluginsDir, UnaryOperator<RunConfig> continued,
            Console console) {
        Plugins plugins = AppModule.plugins(pluginsDir, console);
        PluginRegistry registry = plugins.registry();
        String source = last + ": state.json";
        // built with the saved run's kernels, since they decide the rounding; its weights replace the initial ones
        AtomicReference<RunConfig> saved = new AtomicReference<>();
        LoadedModel loaded = ModelArchive.load(last, registry, state -> {
            saved.set(continued.apply(RunConfig.fromMap(TrainingProgress.run(state, source), source + ": run")));
            return ModelFactory.context(saved.get());
        });
        TrainingProgress progress = TrainingProgress.fromState(loaded.state(), source);
        RunConfig config = saved.get();
        if (progress.epoch() >= config.epochs()) {
            List<String> rewritten = MissingOutputs.rewrite(folder, loaded.model(), progress.history(), config);
            console.out().println(folder.path() + " has already trained " + progress.epoch() + " epochs (--epochs "
                    + config.epochs() + "): nothing to do; give a larger --epochs to train on"
                    + (rewritten.isEmpty() ? "" : "\nwrote the missing " + String.join(", ", rewritten) + " from " + last));
            return 0;
        }
        TrainingStart start = new TrainingStart(loaded.model(), progress);
        AppModule.injector(config, console, new AbstractModule() {
            @Override
            protected void configure() {
                bind(Plugins.class).toInstance(plugins);
                bind(PluginRegistry.class).toInstance(registry);
                bind(TrainingStart.class).toInstance(start);
                bind(RunFolder.class).toInstance(folder);
            }
        }).getInstance(Training.class).run();
        return 0;
    }

    private static Path lastCheckpoint(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new NnException("--resume " + folder + ": no such folder");
        }
        Path last = folder.resolve(Checkpointer.LAST);
        if (!Files.isRegularFile(last)) {
            throw new NnException("--resume " + folder + ": no checkpoint " + last
                    + " (not a training run's folder, or the run ended before its first epoch did)");
        }
        return last;
    }
}
