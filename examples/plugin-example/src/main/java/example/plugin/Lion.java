package example.plugin;

import java.util.List;
import java.util.Map;
import nn.api.ElementwiseOptimizer;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * Lion, "evolved sign momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization
 * Algorithms"), as Keras 3's {@code keras.optimizers.Lion}. For each weight w with gradient g and
 * momentum m (slot {@code momentum}, starting at zero):
 * <pre>
 * c = beta_1 * m + (1 - beta_1) * g
 * w = w - learning_rate * sign(c)
 * m = beta_2 * m + (1 - beta_2) * g
 * </pre>
 * Every step moves each weight by exactly the learning rate (or not at all), so Lion wants a
 * rate 3 to 10 times smaller than Adam's. Keys: {@code learning_rate} (0.001, > 0),
 * {@code beta_1} (0.9, in (0, 1]), {@code beta_2} (0.99, in [0, 1]), and those of every
 * {@link nn.api.BaseOptimizer}: {@code name} ("Lion"), {@code decay}, {@code weight_decay}. Each weight is
 * updated from its own values only, so Lion is an {@link ElementwiseOptimizer}: a step may be cut
 * between the model's kernel threads.
 */
public final class Lion extends ElementwiseOptimizer {
    public static final String TYPE = "Lion";

    private final float beta1;
    private final float beta2;

    public Lion(Config config) {
        super(TYPE, config, 0.001, "beta_1", "beta_2");
        this.beta1 = require(config, "beta_1", 0.9, b -> b > 0 && b <= 1, "must be in (0, 1]");
        this.beta2 = require(config, "beta_2", 0.99, b -> b >= 0 && b <= 1, "must be in [0, 1]");
    }

    @Override
    protected List<String> slotNames() {
        return List.of("momentum");
    }

    @Override
    protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float learningRate) {
        float[] m = slots[0].data;
        for (int i = from; i < to; i++) {
            float c = beta1 * m[i] + (1f - beta1) * g[i];
            w[i] -= learningRate * Math.signum(c);
            m[i] = beta2 * m[i] + (1f - beta2) * g[i];
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("beta_1", number(beta1));
        config.put("beta_2", number(beta2));
    }
}
