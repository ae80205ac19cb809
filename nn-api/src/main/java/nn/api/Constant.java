package nn.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/** Every element the same value: Keras's Zeros, Ones and Constant. */
record Constant(String className, float value) implements Initializer {

    @Override
    public void initialize(FMatrixRMaj target, Shape shape, RandomGenerator random) {
        Arrays.fill(target.data, 0, shape.size(), value);
    }

    @Override
    public Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (className.equals("Constant")) {
            config.put("value", (double) value);
        }
        return Initializers.serialized(className, config);
    }
}
