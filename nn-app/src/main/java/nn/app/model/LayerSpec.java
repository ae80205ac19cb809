package nn.app.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of a model file: its Keras class name ({@code Dense}) and configuration, as Java
 * values (see {@link ModelFiles}). The map keeps nulls, which configurations treat as absent.
 */
public record LayerSpec(String className, Map<String, Object> config) {

    public LayerSpec {
        Objects.requireNonNull(className, "className");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
    }

    /** A copy with one key set, e.g. {@code with("activation", "elu")}. */
    public LayerSpec with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put(key, value);
        return new LayerSpec(className, copy);
    }

    /** The layer's {@code name}, if the configuration gives one. */
    public String name() {
        return config.get("name") instanceof String name ? name : null;
    }
}
