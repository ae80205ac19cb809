package nn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nn.api.IoProblem;
import nn.api.NnException;
import nn.core.Sequential;
import nn.io.json.JsonCursor;
import nn.io.json.JsonText;
import nn.io.json.JsonValues;
import nn.io.json.ModelJsonReader;
import nn.io.json.ModelJsonWriter;

/**
 * Model files: the JSON Keras 2 writes with {@code model.to_json()}, for a Sequential model, with
 * the compile settings under {@code training_config} as in a Keras saved model:
 * <pre>
 * {"class_name": "Sequential",
 *  "config": {"name": "sequential", "layers": [{"class_name": "InputLayer", "config": {"batch_input_shape": [null, 28, 28]}},
 *                                              {"class_name": "Flatten", "config": {...}}, ...]},
 *  "keras_version": "2.13.1", "backend": "tensorflow",
 *  "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
 *                      "optimizer_config": {"class_name": "SGD", "config": {"learning_rate": 0.01, ...}}}}
 * </pre>
 * Also the presets shipped with the application: the tutorial's models.
 */
public final class ModelFiles {
    /** BatchNormalization before each hidden ReLU, after it, and none at all. */
    public static final List<String> PRESETS = List.of("bn-before", "bn-after", "no-bn", "cnn-bn", "cnn-no-bn");

    private ModelFiles() {
    }

    /** Reads a model file; errors name the file and, where it helps, the JSON path ({@code config.layers[3]}). */
    public static ModelDefinition read(Path file) {
        return parse(JsonText.read(file), file.toString());
    }

    /** @param sourceName names the JSON in errors, e.g. its file */
    public static ModelDefinition parse(String json, String sourceName) {
        return ModelJsonReader.read(JsonCursor.root(JsonValues.parse(json, sourceName), sourceName), sourceName);
    }

    /**
     * A model file given as Java values (maps, lists, strings, numbers: what {@link #toMap} gives),
     * e.g. a Keras 2 {@code model_config} with a {@code training_config} put in.
     */
    public static ModelDefinition parse(Map<String, Object> model, String sourceName) {
        return ModelJsonReader.read(JsonCursor.root(JsonValues.toJson(model), sourceName), sourceName);
    }

    /** The model file of a definition, pretty-printed. */
    public static String toJson(ModelDefinition definition) {
        return JsonValues.write(toMap(definition));
    }

    /** The model file of a definition as Java values (key order kept), for formats that rearrange it. */
    public static Map<String, Object> toMap(ModelDefinition definition) {
        return ModelJsonWriter.toMap(definition);
    }

    /** The model file of a built model, with these compile settings (null for none). */
    public static String toJson(Sequential model, CompileSpec compile) {
        return toJson(ModelDefinition.of(model, compile));
    }

    /** One of {@link #PRESETS}. */
    public static ModelDefinition preset(String name) {
        if (!PRESETS.contains(name)) {
            throw new NnException("unknown preset '" + name + "'; known presets: " + String.join(", ", PRESETS));
        }
        try (InputStream in = ModelFiles.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new NnException("preset " + name + ": its file is missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "preset " + name);
        } catch (IOException e) {
            throw new NnException("preset " + name + ": cannot read: " + IoProblem.describe(e), e);
        }
    }

    /** A preset by name, or else a model file by path. */
    public static ModelDefinition resolve(String nameOrPath) {
        if (PRESETS.contains(nameOrPath)) {
            return preset(nameOrPath);
        }
        Path file;
        try {
            file = Path.of(nameOrPath);
        } catch (InvalidPathException e) {
            throw new NnException(nameOrPath + ": not a preset and not a valid file path (" + e.getReason() + ")", e);
        }
        if (!Files.isRegularFile(file)) {
            throw new NnException(nameOrPath + ": no such model file, and not a preset; presets: "
                    + String.join(", ", PRESETS));
        }
        return read(file);
    }
}
