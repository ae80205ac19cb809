package nn.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn train}: trains a model on Fashion-MNIST with the tutorial's protocol and writes the results. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on Fashion-MNIST (validation: the first 5,000 training images), then evaluate it on the test set.")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Mixin
    private ModelOptions model;

    @Option(names = "--epochs", defaultValue = "60", description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for the math (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four Fashion-MNIST files (default: search, see README).")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<timestamp>).")
    private Path out;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only, for quick runs.")
    private Integer limit;

    @Option(names = "--verbose", defaultValue = "1", description = "0 silent, 1 progress bar, 2 one line an epoch (default: ${DEFAULT-VALUE}).")
    private int verbose;

    @Override
    public Integer call() {
        RunConfig config = model.toRunConfig(epochs, batchSize, threads, data, out, limit, verbose);
        AppModule.injector(config, parent.console()).getInstance(Training.class).run();
        return 0;
    }
}
