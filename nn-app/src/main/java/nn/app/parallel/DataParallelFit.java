package nn.app.parallel;

import java.util.Map;
import nn.app.Console;
import nn.app.plugins.PluginFolder;
import nn.app.plugins.ShippedPlugins;
import nn.app.run.DataParallelism;
import nn.app.run.RunConfig;
import nn.app.wiring.EngineChoice;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.core.TrainingListener;
import nn.core.engine.Engine;
import nn.core.parallel.DataParallelTraining;
import nn.io.CompileSpec;
import nn.io.ModelFiles;

/**
 * {@code nn train --workers N}: fits the run's model with its batches trained by workers on the
 * engine the run asks for (threads of this process, or Spark), then says what the rounds cost. The
 * driver keeps the model, so checkpoints, validation and the test evaluation work as for ordinary
 * training.
 */
public final class DataParallelFit {

    private DataParallelFit() {
    }

    public static History fit(Sequential model, LabeledData train, LabeledData validation, FitConfig fit, RunConfig config,
            Console console, TrainingListener... listeners) {
        DataParallelism parallel = config.dataParallel().orElseThrow();
        Map<String, byte[]> jars = PluginFolder.resolve(config.pluginsDir().orElse(null), console.env(), console.home().orElse(null))
                .map(ShippedPlugins::read).orElse(Map.of());
        byte[] setup = setup(model, config, jars).encode();
        try (Engine engine = EngineChoice.open(parallel.spark(), parallel.workers(), console)) {
            DataParallelTraining training = new DataParallelTraining(model, engine, ShardTask.NAME, setup,
                    parallel.workers(), parallel.syncEvery(), config.seed());
            History history = model.fit(train, validation, fit, training, listeners);
            if (config.verbose() > 0) {
                console.out().println("data-parallel, " + parallel.workers() + (parallel.workers() == 1 ? " worker" : " workers") + ", sync every " + parallel.syncEvery()
                        + ", " + engine.description() + ": " + training.stats().describe());
            }
            return history;
        } finally {
            // the workers that ran in this JVM (in-process, or Spark local[N]) keep their idle models and kernel threads otherwise
            WorkerCache.release(setup);
        }
    }

    /** The model as a file, the driver's kernels, the data's absolute location (workers may start elsewhere) and the plugin jars. */
    static WorkerSetup setup(Sequential model, RunConfig config, Map<String, byte[]> jars) {
        int workers = config.dataParallel().orElseThrow().workers();
        return new WorkerSetup(ModelFiles.toJson(model, CompileSpec.of(model)), model.kernels().name(),
                Math.max(1, config.threads() / workers), config.dataDir().map(dir -> dir.toAbsolutePath().toString()),
                config.limit(), jars);
    }
}
