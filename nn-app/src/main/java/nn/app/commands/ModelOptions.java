package nn.app.commands;

import java.nio.file.Path;
import java.util.Optional;
import nn.app.run.RunConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that choose and alter a model, shared by the commands that build one. */
public final class ModelOptions {

    @Option(names = "--model", defaultValue = "bn-before", paramLabel = "PRESET|FILE",
            description = "A preset (bn-before, bn-after, no-bn, cnn-bn, cnn-no-bn), a Keras-style model file, or a saved model"
                    + " to start from (default: ${DEFAULT-VALUE}).")
    public String model;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "Replace the model's optimizer (a plugin name, e.g. Adam).")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Replace the optimizer's learning rate.")
    Double learningRate;

    @Option(names = "--activation", paramLabel = "NAME", description = "Replace the hidden activations (a plugin name, e.g. elu).")
    String activation;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights and the shuffles (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Mixin
    public EngineOptions engine = new EngineOptions();

    public RunConfig toRunConfig(int epochs, int batchSize, Path data, Path out, Integer limit, int verbose) {
        return new RunConfig(model, epochs, batchSize, Optional.ofNullable(optimizer), Optional.ofNullable(learningRate),
                Optional.ofNullable(activation), seed, engine.threads(), engine.kernels, Optional.ofNullable(data),
                Optional.ofNullable(engine.plugins), Optional.ofNullable(out), Optional.ofNullable(limit), verbose);
    }

    /** For commands that do not train: the defaults of everything else. */
    public RunConfig toRunConfig() {
        return toRunConfig(1, 32, null, null, null, 1);
    }
}
