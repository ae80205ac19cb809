package nn.app;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import nn.api.BuildContext;
import nn.io.ModelArchive;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.LoadedModel;
import java.util.SplittableRandom;
import nn.core.KernelChoice;
import nn.core.PluginRegistry;
import nn.core.Sequential;

/**
 * Makes the model a run asks for: the preset or model file, with the command line's replacements of
 * optimizer, learning rate and hidden activation, built from the discovered plugins with the run's seed.
 */
final class ModelFactory {
    private final RunConfig config;
    private final PluginRegistry registry;

    @Inject
    ModelFactory(RunConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    ModelDefinition definition() {
        ModelDefinition definition = ModelFiles.resolve(config.model()).withDefaultCompile();
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

    Sequential build() {
        return definition().build(registry, context(config));
    }

    /** Built and compiled, ready to train. */
    Sequential buildAndCompile() {
        ModelDefinition definition = definition();
        Sequential model = definition.build(registry, context(config));
        definition.compile(model, registry);
        return model;
    }

    /** The run's kernels (and threads) and a generator seeded with the run's seed. */
    static BuildContext context(RunConfig config) {
        return new BuildContext(KernelChoice.choose(config.kernels(), config.threads()), new SplittableRandom(config.seed()));
    }

    LoadedModel load(Path file) {
        return ModelArchive.load(file, registry, context(config));
    }
}
