package nn.app.wiring;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.app.run.RunConfig;
import nn.core.KernelChoice;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.LoadedModel;
import nn.io.ModelArtifacts;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.Models;

/**
 * Makes the model a run asks for: the preset, model file or saved model (whose weights it starts
 * from), with the command line's replacements of optimizer, learning rate and hidden activation,
 * built from the discovered plugins with the run's seed.
 */
public final class ModelFactory {
    private final RunConfig config;
    private final PluginRegistry registry;
    private Optional<ModelArtifacts> saved;

    @Inject
    public ModelFactory(RunConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    ModelDefinition definition() {
        ModelDefinition definition = saved().map(ModelArtifacts::definition)
                .orElseGet(() -> ModelFiles.resolve(config.model())).withDefaultCompile();
        if (config.optimizer().isPresent()) {
            definition = definition.withOptimizer(config.optimizer().get(), Map.of());
        }
        if (config.learningRate().isPresent()) {
            definition = definition.withLearningRate(config.learningRate().get());
        }
        if (config.activation().isPresent()) {
            definition = definition.withHiddenActivation(config.activation().get());
        }
        return definition;
    }

    public Sequential build() {
        Sequential model = definition().build(registry, context(config));
        saved().ifPresent(artifacts -> Models.copyWeights(artifacts, model));
        return model;
    }

    /** Built and compiled, ready to train; a saved model's weights, not its optimizer state. */
    public Sequential buildAndCompile() {
        return buildAndCompile(1);
    }

    /** {@link #buildAndCompile()} with the hidden Dense layers {@code widthScale} times as wide ({@code nn bench --growth}). */
    public Sequential buildAndCompile(int widthScale) {
        ModelDefinition definition = widthScale == 1 ? definition() : definition().withHiddenWidthScale(widthScale);
        Sequential model = definition.build(registry, context(config));
        definition.compile(model, registry);
        saved().ifPresent(artifacts -> Models.copyWeights(artifacts, model));
        return model;
    }

    /** The saved model (model.zip, .h5, .keras, tfjs) the run's model names, read once; empty for a preset or a model JSON. */
    private Optional<ModelArtifacts> saved() {
        if (saved == null) {
            saved = savedModelFile(config.model()).map(Models::read);
        }
        return saved;
    }

    /** The path, when it names a file or folder that holds a saved model in any known format. */
    public static Optional<Path> savedModelFile(String model) {
        if (ModelFiles.PRESETS.contains(model)) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(model);
            return Files.exists(file) && Models.formats().recognize(file).isPresent() ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The run's kernels (and threads) and a generator seeded with the run's seed. */
    public static BuildContext context(RunConfig config) {
        return new BuildContext(KernelChoice.choose(config.kernels(), config.threads()), new SplittableRandom(config.seed()));
    }

    /** A saved model in any format, recognised by its content, with its weights and optimizer state. */
    public LoadedModel load(Path file) {
        return Models.load(file, registry, context(config));
    }
}
