package nn.app.grid;

import com.google.inject.Module;
import java.util.Locale;
import java.util.Optional;
import nn.app.Console;
import nn.app.plugins.PluginFolder;
import nn.app.run.RunConfig;
import nn.app.wiring.EngineChoice;
import nn.core.engine.Engine;

/** Chooses how a list of runs trains: here one after another, or as Spark tasks when {@code --spark} names a master. */
public final class Runs {

    private Runs() {
    }

    /**
     * @param settings what the runs share (their plugins folder, threads)
     * @param shared   the bindings the runs here share (plugins, registry, data), loaded once
     */
    public static RunTrainer trainer(Optional<String> sparkMaster, RunConfig settings, Module shared, Console console) {
        if (sparkMaster.isEmpty()) {
            return new SequentialRuns(shared, console);
        }
        long start = System.nanoTime();
        Engine engine = EngineChoice.open(sparkMaster, settings.threads(), console);
        console.out().println(String.format(Locale.ROOT, "connected to %s in %.1f s", engine.description(), (System.nanoTime() - start) / 1e9));
        return new EngineRuns(engine,
                PluginFolder.resolve(settings.pluginsDir().orElse(null), console.env(), console.home().orElse(null)), console);
    }
}
