package nn.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The keys a configuration may hold, checked as Keras checks keyword arguments: the owner's own
 * keys, plus keys Keras writes that nn accepts while their value changes nothing (null
 * regularizers, {@code dtype: float32}, {@code use_ema: false}, ...). Any other key is an error
 * naming it and the known keys; an inert key with a value nn does not implement is an error too,
 * never silently dropped.
 *
 * <pre>{@code
 * ConfigKeys.of("units", "use_bias").inert("lora_rank", "null", Objects::isNull).check(config);
 * }</pre>
 */
public final class ConfigKeys {
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, Inert> inert = new LinkedHashMap<>();
    private final List<String> nullSuffixes = new ArrayList<>();

    private record Inert(String accepted, Predicate<Object> test) {
    }

    private ConfigKeys() {
    }

    public static ConfigKeys of(String... keys) {
        return new ConfigKeys().known(keys);
    }

    /**
     * The keys every layer accepts, as Keras's base Layer: {@code name}, {@code trainable},
     * {@code input_shape}, {@code batch_input_shape} (read by {@link BaseLayer}), {@code dtype}
     * float32, and null for {@code batch_size}, {@code activity_regularizer} and any
     * {@code *_regularizer} or {@code *_constraint}; then the layer's own keys.
     */
    public static ConfigKeys layer(String... ownKeys) {
        return of(ownKeys).known("name", "trainable", "input_shape", "batch_input_shape")
                .inert("dtype", "\"float32\"", ConfigKeys::isFloat32)
                .inert("batch_size", "null", Objects::isNull)
                .nullSuffix("_regularizer")
                .nullSuffix("_constraint");
    }

    /** Adds keys the owner reads. */
    public ConfigKeys known(String... keys) {
        known.addAll(List.of(keys));
        return this;
    }

    /** A key accepted when absent, null or equal to {@code inertValue}. */
    public ConfigKeys inert(String key, Object inertValue) {
        return inert(key, String.valueOf(inertValue), v -> v == null || v.equals(inertValue));
    }

    /** A key accepted whenever {@code test} holds (absent values are always accepted); {@code accepted} says which in errors. */
    public ConfigKeys inert(String key, String accepted, Predicate<Object> test) {
        inert.put(key, new Inert(accepted, test));
        return this;
    }

    /** Keys accepted with any value, since none changes the result (e.g. {@code jit_compile}). */
    public ConfigKeys ignored(String... keys) {
        for (String key : keys) {
            inert(key, "anything", v -> true);
        }
        return this;
    }

    /** Any key ending in {@code suffix} (e.g. {@code _regularizer}) not known otherwise: accepted when null. */
    public ConfigKeys nullSuffix(String suffix) {
        nullSuffixes.add(suffix);
        return this;
    }

    /** The owner's keys, in the order they were given. */
    public List<String> known() {
        return List.copyOf(known);
    }

    /** Throws an {@link NnException} naming the owner, the key and the known keys on the first key that is not accepted. */
    public void check(Config config) {
        for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (known.contains(key)) {
                continue;
            }
            Inert rule = inert.get(key);
            if (rule == null && nullSuffixes.stream().anyMatch(key::endsWith)) {
                rule = new Inert("null", Objects::isNull);
            }
            if (rule == null) {
                throw new NnException(config.owner() + ": unknown key '" + key + "'; known keys: "
                        + String.join(", ", known));
            }
            if (value != null && !rule.test().test(value)) {
                throw config.invalid(key, value, "is not implemented by nn; only " + rule.accepted() + " is accepted");
            }
        }
    }

    /** {@code "float32"}, or Keras 3's {@code {"class_name": "DTypePolicy", "config": {"name": "float32"}}}. */
    private static boolean isFloat32(Object dtype) {
        return "float32".equals(dtype) || dtype instanceof Map<?, ?> && "float32".equals(KerasObject.config(dtype).get("name"));
    }
}
