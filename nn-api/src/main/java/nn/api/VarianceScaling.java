package nn.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras's VarianceScaling, of which glorot, he and lecun are cases: with n = fan_in, fan_out or
 * their mean (by {@code mode}), draws from U(-sqrt(3 s/n), sqrt(3 s/n)) for {@code uniform}, or a
 * normal with stddev sqrt(s/n) (truncated at two stddevs and rescaled by 0.8796 for
 * {@code truncated_normal}).
 */
record VarianceScaling(String className, double scale, String mode, String distribution) implements Initializer {

    /** stddev of a unit normal truncated to [-2, 2]; Keras divides by it to keep the variance. */
    private static final double TRUNCATED_STDDEV = .87962566103423978;

    VarianceScaling {
        if (!(mode.equals("fan_in") || mode.equals("fan_out") || mode.equals("fan_avg"))) {
            throw new NnException("initializer " + className + ": 'mode' must be fan_in, fan_out or fan_avg, got \"" + mode + "\"");
        }
        if (!(distribution.equals("uniform") || distribution.equals("truncated_normal")
                || distribution.equals("untruncated_normal") || distribution.equals("normal"))) {
            throw new NnException("initializer " + className
                    + ": 'distribution' must be uniform, truncated_normal or untruncated_normal, got \"" + distribution + "\"");
        }
        if (!(scale > 0)) {
            throw new NnException("initializer " + className + ": 'scale' must be positive, got " + scale);
        }
        if (distribution.equals("normal")) {
            distribution = "truncated_normal"; // as Keras 2 reads it, for compatibility with older files
        }
    }

    @Override
    public void initialize(FMatrixRMaj target, Shape shape, RandomGenerator random) {
        double n = switch (mode) {
            case "fan_in" -> fanIn(shape);
            case "fan_out" -> fanOut(shape);
            default -> (fanIn(shape) + fanOut(shape)) / 2.0;
        };
        double variance = scale / Math.max(1.0, n);
        float[] data = target.data;
        int size = shape.size();
        if (distribution.equals("uniform")) {
            double limit = Math.sqrt(3.0 * variance);
            for (int i = 0; i < size; i++) {
                data[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
        } else if (distribution.equals("truncated_normal")) {
            double stddev = Math.sqrt(variance) / TRUNCATED_STDDEV;
            for (int i = 0; i < size; i++) {
                double z;
                do {
                    z = random.nextGaussian();
                } while (Math.abs(z) > 2.0);
                data[i] = (float) (z * stddev);
            }
        } else {
            double stddev = Math.sqrt(variance);
            for (int i = 0; i < size; i++) {
                data[i] = (float) (random.nextGaussian() * stddev);
            }
        }
    }

    /** Keras's _compute_fans: the receptive field times the input (second to last) dimension. */
    static double fanIn(Shape shape) {
        if (shape.rank() == 0) {
            return 1;
        }
        if (shape.rank() == 1) {
            return shape.dim(0);
        }
        return (double) shape.size() / shape.dim(shape.rank() - 1);
    }

    static double fanOut(Shape shape) {
        if (shape.rank() == 0) {
            return 1;
        }
        if (shape.rank() == 1) {
            return shape.dim(0);
        }
        return (double) shape.size() / shape.dim(shape.rank() - 2);
    }

    @Override
    public Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (className.equals("VarianceScaling")) {
            config.put("scale", scale);
            config.put("mode", mode);
            config.put("distribution", distribution);
        }
        config.put("seed", null);
        return Initializers.serialized(className, config);
    }
}
