package nn.io.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;

/**
 * Turns a Keras 3 model configuration ({@code config.json}, or a Keras 3 {@code .h5}'s
 * {@code model_config}) into the Keras 2 {@code to_json()} form nn's model files use, so that nn's
 * layers only ever see Keras 2 keys. A Keras 2 configuration passes through unchanged.
 * <ul>
 * <li>{@code module} / {@code registered_name} go (a layer keeps a {@code module} that is not Keras's
 * own: the nn plugin module it came from), as does {@code build_config};
 * <li>a {@code DTypePolicy} object becomes its name ({@code "float32"});
 * <li>InputLayer {@code batch_shape} becomes {@code batch_input_shape};
 * <li>keys Keras 3 adds that do nothing while they hold their default ({@code lora_rank: null},
 * {@code quantization_config: null}, BatchNormalization's {@code synchronized: false}, ...) go; any
 * other value stays, for the layer to reject.
 * </ul>
 */
public final class Keras3ConfigReader {
    /** Keras 3 layer keys and the value at which they change nothing. */
    private static final Map<String, Object> INERT_LAYER_KEYS = inertLayerKeys();

    private Keras3ConfigReader() {
    }

    private static Map<String, Object> inertLayerKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("lora_rank", null);
        keys.put("lora_alpha", null);
        keys.put("quantization_config", null);
        keys.put("synchronized", false);
        keys.put("optional", false);
        return keys;
    }

    /**
     * The model in Keras 2 form: {@code class_name} Sequential, {@code config.layers} each
     * {@code {class_name, config[, module]}}. Any other model class is an error naming it.
     *
     * @param source names the configuration in errors, e.g. {@code model.keras: config.json}
     */
    public static Map<String, Object> toKeras2(Map<String, Object> model, String source) {
        Object className = model.get("class_name");
        if (!"Sequential".equals(className)) {
            Object registered = model.get("registered_name");
            throw new NnException(source + ": the model is a " + className
                    + (registered != null && !registered.equals(className) ? " (registered as " + registered + ")" : "")
                    + "; nn loads Sequential models only");
        }
        Map<String, Object> config = map(model.get("config"), source + ": config");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", "Sequential");
        Map<String, Object> outConfig = new LinkedHashMap<>();
        outConfig.put("name", config.getOrDefault("name", "sequential"));
        List<Object> layers = new ArrayList<>();
        Object entries = config.get("layers");
        if (!(entries instanceof List<?> list)) {
            throw new NnException(source + ": config.layers: missing, or not a list");
        }
        for (int i = 0; i < list.size(); i++) {
            layers.add(layer(map(list.get(i), source + ": config.layers[" + i + "]")));
        }
        outConfig.put("layers", layers);
        out.put("config", outConfig);
        return out;
    }

    private static Map<String, Object> layer(Map<String, Object> entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (entry.get("module") instanceof String module && !module.startsWith("keras")) {
            out.put("module", module);
        }
        out.put("class_name", entry.get("class_name"));
        Map<String, Object> config = new LinkedHashMap<>();
        if (entry.get("config") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> config.put(String.valueOf(k), plain(v)));
        }
        INERT_LAYER_KEYS.forEach((key, inert) -> {
            if (config.containsKey(key) && java.util.Objects.equals(config.get(key), inert)) {
                config.remove(key);
            }
        });
        if ("InputLayer".equals(entry.get("class_name")) && config.containsKey("batch_shape")) {
            config.put("batch_input_shape", config.remove("batch_shape"));
        }
        out.put("config", config);
        return out;
    }

    /** A configuration value with Keras 3's object wrappers taken off, at any depth. */
    static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            if ("DTypePolicy".equals(map.get("class_name")) || "FloatDTypePolicy".equals(map.get("class_name"))) {
                return map.get("config") instanceof Map<?, ?> c && c.get("name") != null ? c.get("name") : "float32";
            }
            Map<String, Object> out = new LinkedHashMap<>();
            boolean kerasObject = map.containsKey("class_name");
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!(kerasObject && (key.equals("module") || key.equals("registered_name")))) {
                    out.put(key, plain(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Keras3ConfigReader::plain).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new NnException(where + ": must be a JSON object, got " + value);
        }
        return (Map<String, Object>) value;
    }
}
