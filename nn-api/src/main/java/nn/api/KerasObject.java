package nn.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what Keras writes for a configurable object: either its name ({@code "relu"}) or
 * {@code {"class_name": "relu", "config": {...}}}.
 */
public final class KerasObject {

    private KerasObject() {
    }

    /**
     * Keras's {@code to_snake_case}: {@code BatchNormalization} to {@code batch_normalization},
     * {@code Conv2D} to {@code conv2d}, {@code PReLU} to {@code p_re_lu}.
     */
    public static String snakeCase(String name) {
        String intermediate = name.replaceAll("(.)([A-Z][a-z0-9]+)", "$1_$2");
        return intermediate.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code {"class_name": className, "config": config}} in that order, as Keras writes it, in
     * every run: {@code Map.of}'s order changes from one JVM to the next, and saved files with it.
     */
    public static Map<String, Object> of(String className, Map<String, Object> config) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("class_name", className);
        object.put("config", config);
        return Collections.unmodifiableMap(object);
    }

    /** The name of the object; {@code what} names it in errors. */
    public static String className(Object spec, String what) {
        if (spec instanceof String name) {
            return name;
        }
        if (spec instanceof Map<?, ?> map && map.get("class_name") instanceof String name) {
            return name;
        }
        throw new NnException(what + " must be a name or {\"class_name\": ..., \"config\": {...}}, got " + spec);
    }

    /** The object's own configuration; empty for a bare name. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> config(Object spec) {
        if (spec instanceof Map<?, ?> map && map.get("config") instanceof Map<?, ?> inner) {
            return (Map<String, Object>) inner;
        }
        return Map.of();
    }
}
