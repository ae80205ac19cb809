package nn.app.grid;

import com.google.inject.Module;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nn.app.Console;
import nn.app.plugins.PluginFolder;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.app.wiring.EngineChoice;
import nn.core.engine.Engine;

/**
 * How a command that trains many runs (compare, grid) was asked to: the settings every run shares
 * ({@code --out} is the command's own folder), whether a non-empty {@code --out} may be reused, and
 * where the runs train: here one after another, or as Spark tasks when {@code --spark} names a master.
 */
public record ManyRuns(RunConfig settings, boolean overwrite, Optional<String> sparkMaster, Console console) {

    /** The command's folder, claimed for these outputs (files and run folders). */
    public RunFolder claimFolder(List<String> outputs) {
        return RunFolder.claimNew(settings.outDir(), overwrite, outputs);
    }

    /** @param shared the bindings the runs share here (plugins, registry, data), loaded once by {@link Preflight} */
    public RunTrainer trainer(Module shared) {
        if (sparkMaster.isEmpty()) {
            return new SequentialRuns(shared, console);
        }
        long start = System.nanoTime();
        Engine engine = EngineChoice.open(sparkMaster, settings.threads(), console);
        console.out().println(String.format(Locale.ROOT, "connected to %s in %.1f s", engine.description(),
                (System.nanoTime() - start) / 1e9));
        return new EngineRuns(engine,
                PluginFolder.resolve(settings.pluginsDir().orElse(null), console.env(), console.home().orElse(null)), console);
    }
}
