package nn.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.Optional;
import nn.app.Console;
import nn.app.plugins.PluginFolder;
import nn.app.plugins.PluginLayers;
import nn.app.plugins.Plugins;
import nn.app.report.HistoryCsvLogger;
import nn.app.run.Checkpointer;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.app.run.Training;
import nn.app.run.TrainingStart;
import nn.core.PluginRegistry;
import nn.core.ProgressBar;
import nn.core.TrainingListener;

/**
 * The composition root: binds the run configuration and the console, loads the plugin jars into a
 * module layer, discovers every provider in it, makes the model training starts from, and
 * contributes the training listeners (progress output, history.csv, checkpoints) that the train
 * command runs with.
 */
public final class AppModule extends AbstractModule {
    private final RunConfig config;
    private final Console console;
    private final boolean overwrite;

    private AppModule(RunConfig config, Console console, boolean overwrite) {
        this.config = config;
        this.console = console;
        this.overwrite = overwrite;
    }

    public static Injector injector(RunConfig config, Console console) {
        return Guice.createInjector(new AppModule(config, console, false));
    }

    /** For {@code nn train}: {@code overwrite} lets the run reuse a non-empty --out. */
    public static Injector forNewRun(RunConfig config, Console console, boolean overwrite) {
        return Guice.createInjector(new AppModule(config, console, overwrite));
    }

    /** With some bindings replaced, e.g. by {@link Resume}: the plugins and the model it loaded. */
    public static Injector injector(RunConfig config, Console console, Module replacements) {
        return Guice.createInjector(Modules.override(new AppModule(config, console, false)).with(replacements));
    }

    @Override
    protected void configure() {
        bind(RunConfig.class).toInstance(config);
        bind(Console.class).toInstance(console);
        bind(FashionMnistData.class).in(Singleton.class);
    }

    /** The jars of the plugin folder (--plugins, else $NN_PLUGINS, else plugins/ beside the launcher) in their own module layer. */
    @Provides
    @Singleton
    Plugins plugins() {
        return plugins(config.pluginsDir(), console);
    }

    public static Plugins plugins(Optional<Path> pluginsDir, Console console) {
        return PluginFolder.resolve(pluginsDir.orElse(null), console.env(), console.home().orElse(null))
                .map(PluginLayers::load)
                .orElseGet(Plugins::none);
    }

    @Provides
    @Singleton
    PluginRegistry registry(Plugins plugins) {
        return plugins.registry();
    }

    /** Claimed (created and locked) when training is about to write. */
    @Provides
    @Singleton
    RunFolder runFolder() {
        return RunFolder.claimNew(config.outDir(), overwrite, Training.OUTPUTS);
    }

    /** A new model, built and compiled as the run asks. */
    @Provides
    @Singleton
    TrainingStart start(ModelFactory models) {
        return TrainingStart.fresh(models.buildAndCompile());
    }

    @ProvidesIntoSet
    TrainingListener progress() {
        if (config.verbose() == 0) {
            return new TrainingListener() {
            };
        }
        return new ProgressBar(console.out(), config.verbose() == 1 && console.terminal());
    }

    @ProvidesIntoSet
    TrainingListener history(RunFolder out, TrainingStart start) {
        return new HistoryCsvLogger(out.file("history.csv"), start.progress().history());
    }

    @ProvidesIntoSet
    TrainingListener checkpoints(RunFolder out, TrainingStart start) {
        return new Checkpointer(start, out.path(), config.toMap());
    }
}
