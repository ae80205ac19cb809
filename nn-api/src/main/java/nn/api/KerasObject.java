package nn.api;

import java.util.Map;

/**
 * Reads what Keras writes for a configurable object: either its name ({@code "relu"}) or
 * {@code {"class_name": "relu", "config": {...}}}.
 */
public final class KerasObject {

    private KerasObject() {
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
