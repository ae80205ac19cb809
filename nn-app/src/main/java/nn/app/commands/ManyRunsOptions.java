package nn.app.commands;

import java.nio.file.Path;
import nn.app.Console;
import nn.app.grid.ManyRuns;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that train many runs (compare, grid): kernels, plugins, Spark and how much they print. */
final class ManyRunsOptions {

    @Mixin
    EngineOptions engine;

    @Mixin
    SparkOption spark;

    @Option(names = "--verbose", defaultValue = "1",
            description = "0 only a line a run and the table, 1 progress bars, 2 one line an epoch (default: ${DEFAULT-VALUE}).")
    int verbose;

    /** What the runs share, with {@code model} and {@code seed} standing in for the first run's. */
    ManyRuns runs(String model, long seed, int epochs, int batchSize, Path data, Path out, Integer limit, boolean overwrite,
            Console console) {
        ModelOptions shared = new ModelOptions();
        shared.model = model;
        shared.seed = seed;
        shared.engine = engine;
        return new ManyRuns(shared.toRunConfig(epochs, batchSize, data, out, limit, verbose), overwrite, spark.master(), console);
    }
}
