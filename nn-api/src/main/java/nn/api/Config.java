package nn.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keras-style configuration of a layer, activation, optimizer, loss, metric or dataset: a map of
 * keys such as {@code units}, {@code use_bias}, {@code momentum}. Typed getters accept what JSON
 * gives (any number, a boolean, a string) and fail with an error that names the owner, the key
 * and the bad value. Names of other configurable things (an activation) are looked up with the
 * configuration's {@link Resolver}.
 */
public final class Config {
    private final String owner;
    private final Map<String, Object> values;
    private final Resolver resolver;

    private Config(String owner, Map<String, ?> values, Resolver resolver) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.resolver = resolver;
    }

    /** @param owner how errors name what is configured, e.g. {@code "layer Dense"} */
    public static Config of(String owner, Map<String, ?> values) {
        return new Config(owner, values == null ? Map.of() : values, ServiceLoaderResolver.INSTANCE);
    }

    public static Config empty(String owner) {
        return of(owner, Map.of());
    }

    /** The same values, resolving names against {@code resolver}. */
    public Config withResolver(Resolver resolver) {
        return new Config(owner, values, resolver);
    }

    public Resolver resolver() {
        return resolver;
    }

    public String owner() {
        return owner;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A copy with one more (or one replaced) key. */
    public Config with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Config(owner, copy, resolver);
    }

    public int requireInt(String key) {
        return toInt(key, require(key));
    }

    public int getInt(String key, int defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : toInt(key, v);
    }

    public int requirePositiveInt(String key) {
        int v = requireInt(key);
        if (v <= 0) {
            throw invalid(key, v, "must be a positive integer");
        }
        return v;
    }

    public long getLong(String key, long defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (isWhole(v) && Math.abs(((Number) v).doubleValue()) < 0x1p63) {
            return ((Number) v).longValue();
        }
        throw invalid(key, v, "must be an integer");
    }

    public double getDouble(String key, double defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw invalid(key, v, "must be a number");
    }

    public float getFloat(String key, float defaultValue) {
        return (float) getDouble(key, defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid(key, v, "must be true or false");
    }

    public String getString(String key, String defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        throw invalid(key, v, "must be a string");
    }

    public String requireString(String key) {
        Object v = require(key);
        if (v instanceof String s) {
            return s;
        }
        throw invalid(key, v, "must be a string");
    }

    /** The activation named under {@code key} (a name or a Keras object), or {@code defaultName}'s. */
    public Activation getActivation(String key, String defaultName) {
        Object spec = values.get(key);
        return resolver.activation(spec == null ? defaultName : spec, owner);
    }

    /** A list of positive integers, e.g. {@code input_shape: [28, 28]}; empty when absent. */
    public Optional<Shape> getShape(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            throw invalid(key, v, "must be a list of positive integers");
        }
        int[] dims = new int[list.size()];
        for (int i = 0; i < dims.length; i++) {
            Object d = list.get(i);
            if (!isWhole(d) || ((Number) d).doubleValue() <= 0 || ((Number) d).doubleValue() > Integer.MAX_VALUE) {
                throw invalid(key, v, "must be a list of positive integers");
            }
            dims[i] = ((Number) d).intValue();
        }
        return Optional.of(Shape.of(dims));
    }

    /** The error for a key whose value breaks a rule, e.g. {@code invalid("momentum", 2.0, "must be in [0, 1]")}. */
    public NnException invalid(String key, Object value, String rule) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new NnException(owner + ": '" + key + "' " + rule + ", got " + shown);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new NnException(owner + ": '" + key + "' is required");
        }
        return v;
    }

    private static boolean isWhole(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue());
    }

    private int toInt(String key, Object v) {
        if (isWhole(v) && ((Number) v).doubleValue() >= Integer.MIN_VALUE && ((Number) v).doubleValue() <= Integer.MAX_VALUE) {
            return ((Number) v).intValue();
        }
        throw invalid(key, v, "must be an integer");
    }

    @Override
    public String toString() {
        return owner + " " + values;
    }
}
