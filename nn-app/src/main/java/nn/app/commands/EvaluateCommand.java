package nn.app.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nn.app.run.Evaluation;
import nn.app.run.RunConfig;
import nn.app.wiring.AppModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn evaluate}: test-set loss and accuracy of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a saved model on the Fashion-MNIST test set.")
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Option(names = "--model-file", required = true, paramLabel = "FILE", description = "A saved model: model.zip, .h5, .keras or a tfjs model.json or folder (recognised by content).")
    private Path modelFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four Fashion-MNIST files.")
    private Path data;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Override
    public Integer call() {
        ModelOptions options = new ModelOptions();
        options.model = modelFile.toString();
        options.engine = engine;
        RunConfig config = options.toRunConfig(1, batchSize, data, null, null, 1);
        AppModule.injector(config, parent.console()).getInstance(Evaluation.class).run(modelFile);
        return 0;
    }
}
