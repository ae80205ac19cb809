package nn.optim;

import java.util.List;
import java.util.Map;
import nn.api.ElementwiseOptimizer;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * Stochastic gradient descent, as Keras 2's (legacy) {@code SGD}: {@code gradient_descent.py},
 * which calls TensorFlow's {@code ApplyKerasMomentum} or {@code ApplyGradientDescent}. At step
 * {@code t} (0 for the first batch), with {@code lr_t = learning_rate / (1 + decay * t)}:
 * <pre>
 * momentum m > 0:  v = m * v - lr_t * g            (slot "momentum", starts at 0)
 *                  w = w + m * v - lr_t * g        (nesterov)
 *                  w = w + v                       (otherwise)
 * momentum 0:      w = w - lr_t * g                (no slot; nesterov has no effect)
 * </pre>
 * Keys: {@code learning_rate} (0.01), {@code momentum} (0.0, in [0, 1)), {@code nesterov}
 * (false), {@code decay} (0.0).
 */
public final class SGD extends ElementwiseOptimizer {
    private final float momentum;
    private final boolean nesterov;

    /** Keras's defaults: learning rate 0.01, no momentum, no decay. */
    public SGD() {
        this(0.01f, 0f, false, 0f);
    }

    public SGD(float learningRate) {
        this(learningRate, 0f, false, 0f);
    }

    /** E.g. the tutorial's {@code new SGD(0.01f, 0.9f, true, 1e-6f)}. */
    public SGD(float learningRate, float momentum, boolean nesterov, float decay) {
        this(javaConfig("SGD", Map.of("learning_rate", learningRate, "momentum", momentum,
                "nesterov", nesterov, "decay", decay)));
    }

    public SGD(Config config) {
        super("SGD", config, 0.01, "momentum", "nesterov");
        this.momentum = fraction(config, "momentum", 0.0);
        this.nesterov = config.getBoolean("nesterov", false);
    }

    @Override
    protected List<String> slotNames() {
        return momentum > 0f ? List.of("momentum") : List.of();
    }

    @Override
    protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float lr) {
        if (slots.length == 0) {
            for (int i = from; i < to; i++) {
                w[i] -= g[i] * lr;
            }
            return;
        }
        float[] v = slots[0].data;
        // Two loops rather than a branch inside one, so that the JIT vectorizes both.
        if (nesterov) {
            for (int i = from; i < to; i++) {
                v[i] = v[i] * momentum - g[i] * lr;
                w[i] += v[i] * momentum - g[i] * lr;
            }
        } else {
            for (int i = from; i < to; i++) {
                v[i] = v[i] * momentum - g[i] * lr;
                w[i] += v[i];
            }
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("momentum", number(momentum));
        config.put("nesterov", nesterov);
    }
}
