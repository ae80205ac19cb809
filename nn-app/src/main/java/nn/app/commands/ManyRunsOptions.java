package nn.app.commands;

import java.nio.file.Path;
import nn.app.BadOption;
import nn.app.Console;
import nn.app.grid.ManyRuns;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that train many runs (compare, grid): kernels, plugins, Spark, resuming and how much they print. */
final class ManyRunsOptions {

    @Mixin
    EngineOptions engine;

    @Mixin
    SparkOption spark;

    @Option(names = "--resume", description = "Continue in the existing --out: runs that finished there with these settings are"
            + " read back (their test scores evaluated again), the others trained from the start.")
    boolean resume;

    @Option(names = "--verbose", defaultValue = "1",
            description = "0 only a line a run and the table, 1 progress bars, 2 one line an epoch (default: ${DEFAULT-VALUE}).")
    int verbose;

    /** What the runs share, with {@code model} and {@code seed} standing in for the first run's. */
    ManyRuns runs(String model, long seed, int epochs, int batchSize, Path data, Path out, Integer limit, boolean overwrite,
            Console console) {
        if (resume && overwrite) {
            throw new BadOption("--resume", "cannot go with --overwrite: one keeps the finished runs, the other replaces them");
        }
        if (resume && out == null) {
            throw new BadOption("--resume", "needs the folder to continue in as --out");
        }
        ModelOptions shared = new ModelOptions();
        shared.model = model;
        shared.seed = seed;
        shared.engine = engine;
        return new ManyRuns(shared.toRunConfig(epochs, batchSize, data, out, limit, verbose), overwrite, resume, spark.master(),
                console);
    }
}
