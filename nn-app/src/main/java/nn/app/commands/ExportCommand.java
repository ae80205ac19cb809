package nn.app.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nn.app.wiring.AppModule;
import nn.app.wiring.ModelFactory;
import nn.io.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nn export}: a saved model in another format (Keras 2 .h5, Keras 3 .keras, TensorFlow.js, nn's model.zip). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a saved model in another format: tfjs (a folder), h5 (Keras 2), keras (Keras 3) or nn (model.zip).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model-file", required = true, paramLabel = "FILE",
            description = "A saved model: model.zip, .h5, .keras or a tfjs model.json or folder (recognised by content).")
    private Path modelFile;

    @Option(names = "--format", required = true, paramLabel = "tfjs|h5|keras|nn", description = "The format to write.")
    private String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file to write (for tfjs: the folder).")
    private Path out;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call() {
        if (!Models.formats().names().contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format " + format + ": unknown; known formats: "
                    + String.join(", ", Models.formats().names()));
        }
        ModelOptions options = new ModelOptions();
        options.model = modelFile.toString();
        options.engine = engine;
        var model = AppModule.injector(options.toRunConfig(), parent.console()).getInstance(ModelFactory.class)
                .load(modelFile).model();
        Models.save(model, out, format);
        parent.console().out().println("wrote " + out + " (" + Models.formats().named(format).description() + ")");
        return 0;
    }
}
