package nn.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras's RandomUniform (U(a, b)), RandomNormal (mean, stddev) and TruncatedNormal (redrawn past
 * two stddevs); {@code a}, {@code b} are minval, maxval or mean, stddev.
 */
record RandomDistribution(String className, double a, double b) implements Initializer {

    @Override
    public void initialize(FMatrixRMaj target, Shape shape, RandomGenerator random) {
        float[] data = target.data;
        for (int i = 0; i < shape.size(); i++) {
            data[i] = (float) switch (className) {
                case "RandomUniform" -> a + random.nextDouble() * (b - a);
                case "RandomNormal" -> a + random.nextGaussian() * b;
                default -> a + truncatedUnitNormal(random) * b;
            };
        }
    }

    private static double truncatedUnitNormal(RandomGenerator random) {
        double z;
        do {
            z = random.nextGaussian();
        } while (Math.abs(z) > 2.0);
        return z;
    }

    @Override
    public Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        boolean uniform = className.equals("RandomUniform");
        config.put(uniform ? "minval" : "mean", a);
        config.put(uniform ? "maxval" : "stddev", b);
        config.put("seed", null);
        return Initializers.serialized(className, config);
    }
}
