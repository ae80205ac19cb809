package nn.optim;

import java.util.List;
import java.util.Map;
import nn.api.ElementwiseOptimizer;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * Adagrad, as Keras 2's (legacy) {@code Adagrad}: {@code adagrad.py}, which calls TensorFlow's
 * {@code ApplyAdagradV2}. With {@code lr_t = learning_rate / (1 + decay * iterations)}:
 * <pre>
 * acc = acc + g^2                                 (slot "accumulator", starts at initial_accumulator_value)
 * w = w - lr_t * g / (sqrt(acc) + epsilon)
 * </pre>
 * Keys: {@code learning_rate} (0.001), {@code initial_accumulator_value} (0.1, >= 0),
 * {@code epsilon} (1e-7), {@code decay} (0.0).
 */
public final class Adagrad extends ElementwiseOptimizer {
    private final float initialAccumulatorValue;
    private final float epsilon;

    /** Keras's defaults. */
    public Adagrad() {
        this(0.001f);
    }

    public Adagrad(float learningRate) {
        this(learningRate, 0.1f, 1e-7f, 0f);
    }

    public Adagrad(float learningRate, float initialAccumulatorValue, float epsilon, float decay) {
        this(javaConfig("Adagrad", Map.of("learning_rate", learningRate,
                "initial_accumulator_value", initialAccumulatorValue, "epsilon", epsilon, "decay", decay)));
    }

    public Adagrad(Config config) {
        super("Adagrad", config, 0.001, "initial_accumulator_value", "epsilon");
        this.initialAccumulatorValue = nonNegative(config, "initial_accumulator_value", 0.1);
        this.epsilon = nonNegative(config, "epsilon", 1e-7);
    }

    @Override
    protected List<String> slotNames() {
        return List.of("accumulator");
    }

    @Override
    protected float initialSlotValue(String slotName) {
        return initialAccumulatorValue;
    }

    @Override
    protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float lr) {
        float[] acc = slots[0].data;
        for (int i = from; i < to; i++) {
            acc[i] += g[i] * g[i];
            w[i] -= g[i] * lr / ((float) Math.sqrt(acc[i]) + epsilon);
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("initial_accumulator_value", number(initialAccumulatorValue));
        config.put("epsilon", number(epsilon));
    }
}
