package nn.app.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nn.api.Layer;
import nn.api.Variable;
import nn.app.wiring.AppModule;
import nn.app.wiring.ModelFactory;
import nn.core.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn variables}: the variables of one layer, by Keras path, with shapes and optionally values. */
@Command(name = "variables", mixinStandardHelpOptions = true,
        description = "List the variables of a layer (e.g. --layer 2: batch_normalization/gamma:0, beta, moving_mean, moving_variance).")
final class VariablesCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Mixin
    private ModelOptions model;

    @Option(names = "--layer", required = true, paramLabel = "I", description = "Layer index, from 0 as in Keras's model.layers.")
    private int layer;

    @Option(names = "--values", description = "Also print the values.")
    private boolean values;

    @Option(names = "--model-file", paramLabel = "FILE", description = "A saved model (model.zip, .h5, .keras or tfjs) instead of a fresh one.")
    private Path modelFile;

    @Override
    public Integer call() {
        var injector = AppModule.injector(model.toRunConfig(), parent.console());
        ModelFactory factory = injector.getInstance(ModelFactory.class);
        try (Sequential built = modelFile == null ? factory.build() : factory.load(modelFile).model()) {
            print(built.layer(layer));
        }
        return 0;
    }

    private void print(Layer chosen) {
        var out = parent.console().out();
        for (Variable v : chosen.weights()) {
            out.println(v.path() + "  shape=" + v.shape() + "  " + (chosen.trainableWeights().contains(v) ? "trainable" : "non-trainable"));
            if (values) {
                out.println("  " + VariableValues.format(v));
            }
        }
        if (chosen.weights().isEmpty()) {
            out.println("layer " + layer + " (" + chosen.name() + ", " + chosen.type() + ") has no variables");
        }
    }
}
