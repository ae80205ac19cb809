package nn.app.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nn.app.grid.Grid;
import nn.app.grid.GridSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn grid}: explores hyper-parameters, each combination a training run, here or on Spark. */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = {"Train every combination of the hyper-parameters in a JSON spec, each run in OUT/<run>/, and list the runs"
                + " best first (lowest final val_loss) in grid.csv and a table.",
                "Spec keys (one value or a list): models, optimizer, learning_rate, batch_size, activation, seeds; epochs and limit"
                + " (one number). E.g. {\"models\": [\"bn-before\", \"no-bn\"], \"learning_rate\": [0.01, 0.1], \"seeds\": [1, 2],"
                + " \"epochs\": 5}"})
final class GridCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Option(names = "--spec", required = true, paramLabel = "FILE.json", description = "The grid to explore.")
    private Path spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST folder (default: the dataset's own search); on Spark it must be readable by the executors.")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of the grid (default: runs/<timestamp>).")
    private Path out;

    @Option(names = "--overwrite", description = "Reuse a non-empty --out, replacing the grid's outputs.")
    private boolean overwrite;

    @Mixin
    private ManyRunsOptions runs;

    @Override
    public Integer call() {
        GridSpec grid = GridSpec.read(spec);
        new Grid(grid, runs.runs(grid.models().get(0), grid.seeds().get(0), grid.epochs(), grid.batchSizes().get(0), data, out,
                grid.limit().orElse(null), overwrite, parent.console())).run();
        return 0;
    }
}
