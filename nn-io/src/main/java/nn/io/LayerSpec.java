package nn.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One layer of a model file: its Keras class name ({@code Dense}), configuration, as Java values
 * (see {@link ModelFiles}), and the module that provided it when the file was written (Keras 3's
 * {@code "module"} key), so a missing plugin can be named. The map keeps nulls, which
 * configurations treat as absent.
 */
public record LayerSpec(String className, Map<String, Object> config, Optional<String> module) {

    public LayerSpec {
        Objects.requireNonNull(className, "className");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
    }

    public LayerSpec(String className, Map<String, Object> config) {
        this(className, config, Optional.empty());
    }

    /** A copy with one key set, e.g. {@code with("activation", "elu")}. */
    public LayerSpec with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put(key, value);
        return new LayerSpec(className, copy, module);
    }

    /** The layer's {@code name}, if the configuration gives one. */
    public String name() {
        return config.get("name") instanceof String name ? name : null;
    }
}
