package nn.io.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.io.CompileSpec;
import nn.io.ModelDefinition;

/**
 * Writes a definition as Keras 2's {@code model.to_json()} does for a Sequential model (an
 * {@code InputLayer} entry first, carrying the input shape), with the compile settings under
 * {@code training_config} as in a Keras saved model.
 */
public final class ModelJsonWriter {
    /** The Keras version whose file format this follows. */
    public static final String KERAS_VERSION = "2.13.1";

    private ModelJsonWriter() {
    }

    public static Map<String, Object> toMap(ModelDefinition definition) {
        List<Object> layers = new ArrayList<>();
        definition.inputShape().ifPresent(shape -> {
            String first = definition.layers().get(0).name();
            Map<String, Object> input = new LinkedHashMap<>();
            List<Object> batchShape = new ArrayList<>();
            batchShape.add(null);
            batchShape.addAll(shape.toList());
            input.put("batch_input_shape", batchShape);
            input.put("dtype", "float32");
            input.put("sparse", false);
            input.put("ragged", false);
            input.put("name", first == null ? "input_1" : first + "_input");
            layers.add(kerasObject("InputLayer", input));
        });
        definition.layers().forEach(layer -> {
            Map<String, Object> object = new LinkedHashMap<>();
            layer.module().ifPresent(module -> object.put("module", module));
            object.putAll(kerasObject(layer.className(), layer.config()));
            layers.add(object);
        });
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", definition.name());
        config.put("layers", layers);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("class_name", "Sequential");
        root.put("config", config);
        root.put("keras_version", KERAS_VERSION);
        root.put("backend", "tensorflow");
        definition.compile().ifPresent(compile -> root.put("training_config", trainingConfig(compile)));
        return root;
    }

    public static Map<String, Object> trainingConfig(CompileSpec compile) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("loss", compile.lossConfig().isEmpty() ? compile.loss()
                : kerasObject(compile.loss(), compile.lossConfig()));
        training.put("metrics", compile.metrics());
        training.put("optimizer_config", kerasObject(compile.optimizer(), compile.optimizerConfig()));
        return training;
    }

    private static Map<String, Object> kerasObject(String className, Map<String, Object> config) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("class_name", className);
        object.put("config", config);
        return object;
    }
}
