package nn.app.grid;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nn.app.BadOption;
import nn.app.Console;
import nn.app.plugins.PluginFolder;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.app.wiring.EngineChoice;
import nn.core.engine.Engine;

/**
 * How a command that trains many runs (compare, grid) was asked to: the settings every run shares
 * ({@code --out} is the command's own folder), whether a non-empty {@code --out} may be reused or
 * continued ({@code --resume}: runs that finished there are not trained again), and
 * where the runs train: here one after another, or as Spark tasks when {@code --spark} names a master.
 */
public record ManyRuns(RunConfig settings, boolean overwrite, boolean resume, Optional<String> sparkMaster, Console console) {

    /**
     * The command's folder, claimed for these outputs (files and run folders); with {@code resume},
     * the existing --out whose finished runs are kept.
     */
    public RunFolder claimFolder(List<String> outputs) {
        if (resume) {
            Path folder = settings.outDir().orElseThrow(() -> new BadOption("--resume", "needs the folder to continue in as --out"));
            return RunFolder.claimExisting(folder, "--out " + folder);
        }
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
