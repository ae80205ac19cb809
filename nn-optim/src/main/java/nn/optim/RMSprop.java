package nn.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nn.api.ElementwiseOptimizer;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * RMSprop, as Keras 2's (legacy) {@code RMSprop}: {@code rmsprop.py}. Where epsilon goes depends
 * on the momentum, because Keras computes the plain case in Python but hands the momentum case to
 * TensorFlow's {@code ApplyRMSProp} / {@code ApplyCenteredRMSProp} kernels. With
 * {@code lr_t = learning_rate / (1 + decay * iterations)}:
 * <pre>
 * ms = rho * ms + (1 - rho) * g^2                 (slot "rms")
 * centered: mg = rho * mg + (1 - rho) * g         (slot "mg"); denom = ms - mg^2
 * otherwise: denom = ms
 * momentum 0:  w = w - lr_t * g / (sqrt(denom) + epsilon)
 * momentum > 0: mom = momentum * mom + lr_t * g / sqrt(denom + epsilon)   (slot "momentum")
 *               w = w - mom
 * </pre>
 * Keys: {@code learning_rate} (0.001), {@code rho} (0.9, in [0, 1)), {@code momentum} (0.0, in
 * [0, 1)), {@code epsilon} (1e-7), {@code centered} (false), {@code decay} (0.0).
 */
public final class RMSprop extends ElementwiseOptimizer {
    private final float rho;
    private final float momentum;
    private final float epsilon;
    private final boolean centered;
    private final List<String> slotNames;

    /** Keras's defaults. */
    public RMSprop() {
        this(0.001f);
    }

    public RMSprop(float learningRate) {
        this(learningRate, 0.9f, 0f, 1e-7f, false, 0f);
    }

    public RMSprop(float learningRate, float rho, float momentum, float epsilon, boolean centered, float decay) {
        this(javaConfig("RMSprop", Map.of("learning_rate", learningRate, "rho", rho, "momentum", momentum,
                "epsilon", epsilon, "centered", centered, "decay", decay)));
    }

    public RMSprop(Config config) {
        super("RMSprop", config, 0.001, "rho", "momentum", "epsilon", "centered");
        this.rho = fraction(config, "rho", 0.9);
        this.momentum = fraction(config, "momentum", 0.0);
        this.epsilon = nonNegative(config, "epsilon", 1e-7);
        this.centered = config.getBoolean("centered", false);
        // Keras's slot creation order.
        List<String> names = new ArrayList<>(List.of("rms"));
        if (momentum > 0f) {
            names.add("momentum");
        }
        if (centered) {
            names.add("mg");
        }
        this.slotNames = List.copyOf(names);
    }

    @Override
    protected List<String> slotNames() {
        return slotNames;
    }

    @Override
    protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float lr) {
        float[] ms = slots[0].data;
        float[] mg = centered ? slots[slots.length - 1].data : null;
        if (momentum > 0f) {
            updateWithMomentum(w, g, from, to, ms, mg, slots[1].data, lr);
            return;
        }
        for (int i = from; i < to; i++) {
            ms[i] = rho * ms[i] + (1f - rho) * (g[i] * g[i]);
            float denom = ms[i];
            if (centered) {
                mg[i] = rho * mg[i] + (1f - rho) * g[i];
                denom -= mg[i] * mg[i];
            }
            w[i] -= lr * g[i] / ((float) Math.sqrt(denom) + epsilon);
        }
    }

    /** TensorFlow's ApplyRMSProp / ApplyCenteredRMSProp kernels: epsilon inside the root. */
    private void updateWithMomentum(float[] w, float[] g, int from, int to, float[] ms, float[] mg, float[] mom,
            float lr) {
        for (int i = from; i < to; i++) {
            ms[i] += (g[i] * g[i] - ms[i]) * (1f - rho);
            float denom = ms[i];
            if (centered) {
                mg[i] += (g[i] - mg[i]) * (1f - rho);
                denom -= mg[i] * mg[i];
            }
            mom[i] = mom[i] * momentum + g[i] * lr / (float) Math.sqrt(denom + epsilon);
            w[i] -= mom[i];
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("rho", number(rho));
        config.put("momentum", number(momentum));
        config.put("epsilon", number(epsilon));
        config.put("centered", centered);
    }
}
