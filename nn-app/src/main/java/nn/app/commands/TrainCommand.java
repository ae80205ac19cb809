package nn.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nn.api.NnException;
import nn.app.BadOption;
import nn.app.run.DataParallelism;
import nn.app.run.Resume;
import nn.app.run.RunConfig;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.app.wiring.ModelFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code nn train}: trains a model on Fashion-MNIST with the tutorial's protocol and writes the results. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on Fashion-MNIST (validation: the first 5,000 training images), then evaluate it on the test set.")
final class TrainCommand implements Callable<Integer> {
    /** What makes a run that run: a resumed run keeps the saved values. */
    private static final List<String> FIXED_BY_RESUME = List.of("--model", "--init", "--optimizer", "--learning-rate",
            "--activation", "--seed", "--batch-size", "--limit", "--out", "--overwrite", "--kernels", "--workers", "--sync-every");

    @ParentCommand
    private NnCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    @Option(names = "--epochs", defaultValue = "60",
            description = "Epochs (default: ${DEFAULT-VALUE}; with --resume: the resumed run's).")
    private int epochs;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--verbose", defaultValue = "1", description = "0 silent, 1 progress bar, 2 one line an epoch (default: ${DEFAULT-VALUE}).")
    private int verbose;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR (e.g. runs/<timestamp>) from its last checkpoint, with its settings, to --epochs.")
    private Path resume;

    @Option(names = "--workers", paramLabel = "N",
            description = "Train data-parallel: each batch cut into N shards, one a worker (1 trains exactly as without it).")
    private Integer workers;

    @Option(names = "--sync-every", paramLabel = "K",
            description = "With --workers: 1 (default) combines the shards' gradients into one optimizer step each batch;"
                    + " K > 1 lets each worker take K steps of its own between averages of weights and optimizer slots.")
    private Integer syncEvery;

    @Mixin
    private SparkOption spark;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from a saved model (model.zip, .h5, .keras or a tfjs model.json/folder): its layers and weights, a fresh optimizer.")
    private Path init;

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        if (init != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--model")) {
                throw new ParameterException(spec.commandLine(), "--init and --model cannot both be given: the model is the one saved in --init");
            }
            if (!Files.exists(init)) {
                throw new NnException("--init " + init + ": no such file or folder");
            }
            if (ModelFactory.savedModelFile(init.toString()).isEmpty()) {
                throw new NnException("--init " + init + ": not a saved model (model.zip, .h5, .keras or a tfjs model.json);"
                        + " a model file without weights goes to --model");
            }
            model.model = init.toString();
        }
        RunConfig config = model.toRunConfig(epochs, training.batchSize, training.data, training.out, training.limit, verbose)
                .withDataParallel(dataParallelism());
        AppModule.forNewRun(config, parent.console(), training.overwrite).getInstance(Training.class).run();
        return 0;
    }

    private Optional<DataParallelism> dataParallelism() {
        if (workers != null) {
            return Optional.of(new DataParallelism(workers, syncEvery == null ? 1 : syncEvery, spark.master()));
        }
        if (syncEvery != null) {
            throw new BadOption("--sync-every", "needs --workers: it says how often the workers combine their work");
        }
        if (spark.master().isPresent()) {
            throw new BadOption("--spark", "trains data-parallel only: give --workers N too");
        }
        return Optional.empty();
    }

    private int resume() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> fixed = FIXED_BY_RESUME.stream().filter(parsed::hasMatchedOption).toList();
        if (!fixed.isEmpty()) {
            throw new BadOption("--resume", "continues a run with its own settings: " + String.join(", ", fixed)
                    + " cannot be given with it (only --epochs, --data, --threads, --verbose, --plugins and --spark can)");
        }
        boolean epochsGiven = parsed.hasMatchedOption("--epochs");
        Optional<Path> plugins = Optional.ofNullable(model.engine.plugins);
        return Resume.run(resume, plugins, saved -> saved.resumedIn(resume, epochsGiven ? epochs : saved.epochs(),
                training.data != null ? Optional.of(training.data) : saved.dataDir(), plugins, model.engine.threads(),
                verbose).onSpark(spark.master()), parent.console());
    }
}
