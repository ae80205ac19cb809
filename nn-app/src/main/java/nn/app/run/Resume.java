package nn.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nn.api.NnException;
import nn.app.Console;
import nn.app.plugins.Plugins;
import nn.app.wiring.AppModule;
import nn.core.PluginRegistry;

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
        try (RunFolder owned = SavedRun.claim(folder, "--resume " + folder)) {
            Plugins plugins = AppModule.plugins(pluginsDir, console);
            PluginRegistry registry = plugins.registry();
            try (SavedRun saved = SavedRun.load(folder, last, registry, continued)) {
                if (saved.trainedAll()) {
                    List<String> rewritten = saved.writeMissingOutputs(owned);
                    console.out().println(owned.path() + " has already trained " + saved.epochs() + " epochs (--epochs "
                            + saved.config().epochs() + "): nothing to do; give a larger --epochs to train on"
                            + (rewritten.isEmpty() ? "" : "\nwrote the missing " + String.join(", ", rewritten) + " from " + last));
                    return 0;
                }
                saved.trainOn(owned, binder -> {
                    binder.bind(Plugins.class).toInstance(plugins);
                    binder.bind(PluginRegistry.class).toInstance(registry);
                }, console);
                return 0;
            }
        }
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
