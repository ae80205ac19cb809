package nn.io.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nn.api.Shape;
import nn.io.CompileSpec;
import nn.io.LayerSpec;
import nn.io.ModelDefinition;

/**
 * A definition as Keras 3 serializes a Sequential model into {@code config.json}: every object
 * {@code {module, class_name, config, registered_name}}, {@code dtype} as a {@code DTypePolicy},
 * the InputLayer with {@code batch_shape}, {@code build_config} and {@code compile_config}.
 * <ul>
 * <li>Keras's own layers get {@code module} {@code keras.layers} and {@code registered_name} null; a
 * plugin layer gets its Java module as {@code module} and {@code <module>>ClassName} as
 * {@code registered_name} (Keras 3's form for a class registered under a package), which Keras can
 * load when such a class is registered there, and nn reads back as the plugin's module.
 * <li>Layers carry no {@code build_config} of their own (Keras builds them from the InputLayer), and no
 * {@code batch_input_shape}.
 * <li>BatchNormalization's {@code axis} is written {@code -1}: nn normalises the last axis only, and
 * Keras 3 takes an integer where Keras 2 wrote {@code [1]}.
 * <li>An optimizer {@code decay} becomes a learning-rate schedule ({@link OptimizerConfigs}).
 * </ul>
 */
final class Keras3ConfigWriter {
    private static final Set<String> KERAS_LAYERS = Set.of("Dense", "BatchNormalization", "Activation", "Dropout",
            "Flatten");
    private static final Set<String> SHAPE_KEYS = Set.of("batch_input_shape", "input_shape", "batch_size");

    private Keras3ConfigWriter() {
    }

    static Map<String, Object> config(ModelDefinition definition) {
        List<Object> batchShape = definition.inputShape().map(Keras3ConfigWriter::batchShape).orElse(null);
        List<Object> layers = new ArrayList<>();
        if (batchShape != null) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("batch_shape", batchShape);
            input.put("dtype", "float32");
            input.put("sparse", false);
            input.put("name", "input_layer");
            layers.add(object("keras.layers", "InputLayer", input, null));
        }
        for (LayerSpec layer : definition.layers()) {
            layers.add(layer(layer));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", definition.name());
        config.put("trainable", true);
        config.put("dtype", dtypePolicy("float32"));
        config.put("layers", layers);
        config.put("build_input_shape", batchShape);
        Map<String, Object> model = object("keras", "Sequential", config, null);
        model.put("build_config", batchShape == null ? null : Map.of("input_shape", batchShape));
        model.put("compile_config", definition.compile().map(Keras3ConfigWriter::compileConfig).orElse(null));
        return model;
    }

    private static Map<String, Object> layer(LayerSpec layer) {
        Map<String, Object> config = new LinkedHashMap<>();
        layer.config().forEach((key, value) -> {
            if (!SHAPE_KEYS.contains(key)) {
                config.put(key, keras3Value(key, value));
            }
        });
        if (layer.className().equals("BatchNormalization") && config.containsKey("axis")) {
            config.put("axis", -1);
        }
        if (KERAS_LAYERS.contains(layer.className())) {
            return object("keras.layers", layer.className(), config, null);
        }
        String module = layer.module().orElse(null);
        return object(module, layer.className(), config, module == null ? layer.className() : module + ">"
                + layer.className());
    }

    /** {@code dtype} as a policy; nested Keras objects (initializers, ...) with Keras 3's wrapper keys. */
    private static Object keras3Value(String key, Object value) {
        if (key.equals("dtype") && value instanceof String name) {
            return dtypePolicy(name);
        }
        if (value instanceof Map<?, ?> map && map.get("class_name") instanceof String className && !map.containsKey("module")) {
            String module = key.endsWith("_initializer") ? "keras.initializers" : key.endsWith("_regularizer")
                    ? "keras.regularizers" : key.endsWith("_constraint") ? "keras.constraints" : null;
            if (module != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = map.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
                return object(module, className, inner, null);
            }
        }
        return value;
    }

    private static Map<String, Object> compileConfig(CompileSpec compile) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("optimizer", object("keras.optimizers", compile.optimizer(),
                OptimizerConfigs.toKeras3(compile.optimizerConfig()), null));
        config.put("loss", compile.lossConfig().isEmpty() ? compile.loss()
                : object("keras.losses", compile.loss(), compile.lossConfig(), null));
        config.put("loss_weights", null);
        config.put("metrics", compile.metrics());
        config.put("weighted_metrics", null);
        config.put("run_eagerly", false);
        config.put("steps_per_execution", 1);
        config.put("jit_compile", false);
        return config;
    }

    private static List<Object> batchShape(Shape shape) {
        List<Object> dims = new ArrayList<>();
        dims.add(null);
        dims.addAll(shape.toList());
        return dims;
    }

    private static Map<String, Object> dtypePolicy(String name) {
        return object("keras", "DTypePolicy", Map.of("name", name), null);
    }

    private static Map<String, Object> object(String module, String className, Map<String, Object> config,
            String registeredName) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("module", module);
        object.put("class_name", className);
        object.put("config", config);
        object.put("registered_name", registeredName);
        return object;
    }
}
