package nn.api;

import java.util.List;
import java.util.Map;

/**
 * Keras's built-in initializers, by factory method or by the name or object a model file holds:
 * {@code "glorot_uniform"}, {@code "GlorotUniform"} or {@code {"class_name": "GlorotUniform", "config": {}}}.
 */
public final class Initializers {

    /** Every accepted name, in snake case; CamelCase class names are accepted too. */
    public static final List<String> NAMES = List.of("zeros", "ones", "constant", "glorot_uniform", "glorot_normal",
            "he_uniform", "he_normal", "lecun_uniform", "lecun_normal", "random_uniform", "random_normal",
            "truncated_normal", "variance_scaling");

    private Initializers() {
    }

    public static Initializer zeros() {
        return new Constant("Zeros", 0f);
    }

    public static Initializer ones() {
        return new Constant("Ones", 1f);
    }

    public static Initializer constant(float value) {
        return new Constant("Constant", value);
    }

    /** U(-l, l), l = sqrt(6 / (fan_in + fan_out)): the Dense kernel default. */
    public static Initializer glorotUniform() {
        return new VarianceScaling("GlorotUniform", 1.0, "fan_avg", "uniform");
    }

    public static Initializer glorotNormal() {
        return new VarianceScaling("GlorotNormal", 1.0, "fan_avg", "truncated_normal");
    }

    public static Initializer heUniform() {
        return new VarianceScaling("HeUniform", 2.0, "fan_in", "uniform");
    }

    public static Initializer heNormal() {
        return new VarianceScaling("HeNormal", 2.0, "fan_in", "truncated_normal");
    }

    /**
     * Parses what a configuration holds under e.g. {@code kernel_initializer}: a name or a Keras
     * object; {@code owner} names the configured thing in errors.
     */
    public static Initializer parse(Object spec, String owner) {
        if (spec instanceof Initializer initializer) {
            return initializer;
        }
        String name = KerasObject.className(spec, owner + ": an initializer");
        return byName(name, Config.of(owner + " initializer " + name, KerasObject.config(spec)));
    }

    private static Initializer byName(String name, Config config) {
        return switch (KerasObject.snakeCase(name)) {
            case "zeros" -> zeros();
            case "ones" -> ones();
            case "constant" -> constant(config.getFloat("value", 0f));
            case "glorot_uniform" -> glorotUniform();
            case "glorot_normal" -> glorotNormal();
            case "he_uniform" -> heUniform();
            case "he_normal" -> heNormal();
            case "lecun_uniform" -> new VarianceScaling("LecunUniform", 1.0, "fan_in", "uniform");
            case "lecun_normal" -> new VarianceScaling("LecunNormal", 1.0, "fan_in", "truncated_normal");
            case "random_uniform" -> new RandomDistribution("RandomUniform",
                    config.getDouble("minval", -0.05), config.getDouble("maxval", 0.05));
            case "random_normal" -> new RandomDistribution("RandomNormal",
                    config.getDouble("mean", 0.0), config.getDouble("stddev", 0.05));
            case "truncated_normal" -> new RandomDistribution("TruncatedNormal",
                    config.getDouble("mean", 0.0), config.getDouble("stddev", 0.05));
            case "variance_scaling" -> new VarianceScaling("VarianceScaling", config.getDouble("scale", 1.0),
                    config.getString("mode", "fan_in"), config.getString("distribution", "truncated_normal"));
            default -> throw new NnException(config.owner() + ": unknown initializer; known: " + String.join(", ", NAMES));
        };
    }

    static Map<String, Object> serialized(String className, Map<String, Object> config) {
        return KerasObject.of(className, config);
    }
}
