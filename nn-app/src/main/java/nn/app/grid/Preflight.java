package nn.app.grid;

import com.google.inject.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import nn.app.Console;
import nn.app.plugins.Plugins;
import nn.app.run.DataFit;
import nn.app.run.RunConfig;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.PluginRegistry;
import nn.core.Sequential;

/**
 * Before a comparison or grid trains anything: loads the plugins and the data once, and builds every
 * distinct model of its runs to check it compiles and fits the data, so that a mistake in the last
 * run is found before the first one trains for an hour.
 */
public final class Preflight {

    private Preflight() {
    }

    /**
     * @param settings what the runs share (plugins folder, data, limit)
     * @param check    more checks of each built model (given the run's name), e.g. that it logs accuracy
     * @return the bindings the runs share when they train in this process: plugins, registry and data
     */
    public static Module check(List<NamedRun> runs, RunConfig settings, Console console, BiConsumer<NamedRun, Sequential> check) {
        Plugins plugins = AppModule.plugins(settings.pluginsDir(), console);
        PluginRegistry registry = plugins.registry();
        Map<String, NamedRun> distinct = new LinkedHashMap<>();
        runs.forEach(run -> distinct.putIfAbsent(modelKey(run.config()), run));
        Map<NamedRun, Sequential> built = new LinkedHashMap<>();
        FashionMnistData data;
        try {
            for (NamedRun run : distinct.values()) {
                Sequential model = new ModelFactory(run.config(), registry).buildAndCompile();
                built.put(run, model);
                check.accept(run, model);
            }
            data = new FashionMnistData(settings, registry);
            built.forEach((run, model) -> DataFit.check(run.config().model(), model, data.dataset()));
        } finally {
            built.values().forEach(Sequential::close);
        }
        return binder -> {
            binder.bind(Plugins.class).toInstance(plugins);
            binder.bind(PluginRegistry.class).toInstance(registry);
            binder.bind(FashionMnistData.class).toInstance(data);
        };
    }

    /** What decides the model a run builds: the seed changes only its initial values. */
    private static String modelKey(RunConfig config) {
        return config.model() + "\n" + config.optimizer() + "\n" + config.learningRate() + "\n" + config.activation();
    }
}
