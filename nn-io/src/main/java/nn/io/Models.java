package nn.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.core.KernelChoice;
import nn.core.PluginRegistry;
import nn.core.Sequential;

/**
 * Saving and loading models from Java, as Keras's {@code model.save} and {@code load_model}: one
 * path for every format, chosen by the file's name when saving and by its content when loading.
 * <pre>
 * model.save(Path.of("model.keras"));                  // or Models.save(model, path)
 * Sequential again = Models.load(Path.of("model.keras")); // layers from the plugins on the module path
 * </pre>
 */
public final class Models {
    private static final ModelFormats FORMATS = ModelFormats.discover();

    private Models() {
    }

    /** The formats nn.io knows. */
    public static ModelFormats formats() {
        return FORMATS;
    }

    /** Saves in the format the file name asks for ({@code .zip}, {@code .h5}, {@code .keras}, a folder or {@code model.json}). */
    public static void save(Sequential model, Path file) {
        save(model, file, FORMATS.forSaving(file).name());
    }

    /** Saves in a format by name: {@code nn}, {@code h5}, {@code keras} or {@code tfjs}. */
    public static void save(Sequential model, Path file, String format) {
        FORMATS.named(format).write(artifactsToSave(model, null, Map.of(), file), file);
    }

    /** {@link ModelArtifacts#of}, with a failure (e.g. a model not built) an error naming the file. */
    static ModelArtifacts artifactsToSave(Sequential model, CompileSpec compile, Map<String, Object> state, Path file) {
        try {
            return ModelArtifacts.of(model, compile, state);
        } catch (NnException e) {
            throw cannotSave(file, e);
        }
    }

    static NnException cannotSave(Path file, NnException cause) {
        return new NnException(file + ": cannot save: " + cause.getMessage(), cause);
    }

    /**
     * Loads a model in any known format with the layers, activations and optimizers visible to nn.core
     * ({@link PluginRegistry#discover()}), on the best kernels ({@link KernelChoice#best()}), which
     * {@link Sequential#close()} stops. It is compiled when the file has compile settings, with the
     * optimizer state when the file keeps it.
     */
    public static Sequential load(Path file) {
        return load(file, PluginRegistry.discover(), new BuildContext(KernelChoice.best(), new SplittableRandom(0))).model();
    }

    /** Loads a model with a given registry (e.g. with plugin jars) and build context (kernels, seed). */
    public static LoadedModel load(Path file, PluginRegistry registry, BuildContext context) {
        return load(file, registry, state -> context);
    }

    /** As {@link #load(Path, PluginRegistry, BuildContext)}, with the context chosen from the saved state. */
    public static LoadedModel load(Path file, PluginRegistry registry, Function<Map<String, Object>, BuildContext> context) {
        return ArtifactsRestore.restore(read(file), registry, context);
    }

    /** Builds and compiles the model artifacts describe and restores their weights and optimizer state. */
    public static LoadedModel restore(ModelArtifacts artifacts, PluginRegistry registry, BuildContext context) {
        return ArtifactsRestore.restore(artifacts, registry, state -> context);
    }

    /**
     * Copies a saved model's weights into a built model with the same layers (Keras's
     * {@code load_weights}), checking names, shapes and values; the optimizer state is not touched.
     */
    public static void loadWeights(Sequential model, Path file) {
        copyWeights(read(file), model);
    }

    /** As {@link #loadWeights(Sequential, Path)}, from artifacts already read. */
    public static void copyWeights(ModelArtifacts artifacts, Sequential model) {
        ArtifactsRestore.copyWeights(artifacts, model);
    }

    /** Reads a model file in any known format without building it. */
    public static ModelArtifacts read(Path file) {
        return FORMATS.forReading(file).read(file);
    }

    /** Writes artifacts in a format by name. */
    public static void write(ModelArtifacts artifacts, Path file, String format) {
        FORMATS.named(format).write(artifacts, file);
    }
}
