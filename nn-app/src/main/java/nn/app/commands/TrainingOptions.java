package nn.app.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that train (train, compare): batch size, data, output folder and a data limit. */
final class TrainingOptions {

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four Fashion-MNIST files (default: search, see README).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<timestamp>).")
    Path out;

    @Option(names = "--overwrite", description = "Reuse a non-empty --out: its previous outputs are removed first.")
    boolean overwrite;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only, for quick runs.")
    Integer limit;
}
