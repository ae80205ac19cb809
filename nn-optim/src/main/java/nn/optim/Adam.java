package nn.optim;

import java.util.List;
import java.util.Map;
import nn.api.ElementwiseOptimizer;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * Adam, as Keras 2's (legacy) {@code Adam}: {@code adam.py}, which calls TensorFlow's
 * {@code ApplyAdam} (or {@code ApplyAdamWithAmsgrad}). With {@code t = iterations + 1} and the
 * decayed rate {@code lr_t = learning_rate / (1 + decay * iterations)}:
 * <pre>
 * alpha = lr_t * sqrt(1 - beta_2^t) / (1 - beta_1^t)
 * m = m + (g - m) * (1 - beta_1)             (= beta_1 * m + (1 - beta_1) * g; slot "m")
 * v = v + (g^2 - v) * (1 - beta_2)           (= beta_2 * v + (1 - beta_2) * g^2; slot "v")
 * w = w - alpha * m / (sqrt(v) + epsilon)
 * amsgrad: vhat = max(vhat, v) (slot "vhat"); w = w - alpha * m / (sqrt(vhat) + epsilon)
 * </pre>
 * Keys: {@code learning_rate} (0.001), {@code beta_1} (0.9), {@code beta_2} (0.999), both in
 * [0, 1), {@code epsilon} (1e-7), {@code amsgrad} (false), {@code decay} (0.0), {@code weight_decay}
 * (none; see {@link AdamW}).
 */
public sealed class Adam extends ElementwiseOptimizer permits AdamW {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final boolean amsgrad;

    /** Keras's defaults. */
    public Adam() {
        this(0.001f);
    }

    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-7f, false, 0f);
    }

    public Adam(float learningRate, float beta1, float beta2, float epsilon, boolean amsgrad, float decay) {
        this(javaConfig("Adam", Map.of("learning_rate", learningRate, "beta_1", beta1, "beta_2", beta2,
                "epsilon", epsilon, "amsgrad", amsgrad, "decay", decay)));
    }

    public Adam(Config config) {
        this("Adam", config, 0.0);
    }

    Adam(String type, Config config, double defaultWeightDecay) {
        super(type, config, 0.001, defaultWeightDecay, "beta_1", "beta_2", "epsilon", "amsgrad");
        this.beta1 = fraction(config, "beta_1", 0.9);
        this.beta2 = fraction(config, "beta_2", 0.999);
        this.epsilon = nonNegative(config, "epsilon", 1e-7);
        this.amsgrad = config.getBoolean("amsgrad", false);
    }

    @Override
    protected List<String> slotNames() {
        return amsgrad ? List.of("m", "v", "vhat") : List.of("m", "v");
    }

    @Override
    protected float stepRate(float lr) {
        float t = (float) (iterations() + 1);
        float beta1Power = (float) Math.pow(beta1, t);
        float beta2Power = (float) Math.pow(beta2, t);
        return lr * (float) Math.sqrt(1f - beta2Power) / (1f - beta1Power);
    }

    @Override
    protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float alpha) {
        float[] m = slots[0].data;
        float[] v = slots[1].data;
        float[] vhat = amsgrad ? slots[2].data : v;
        for (int i = from; i < to; i++) {
            m[i] += (g[i] - m[i]) * (1f - beta1);
            v[i] += (g[i] * g[i] - v[i]) * (1f - beta2);
            if (amsgrad) {
                vhat[i] = Math.max(vhat[i], v[i]);
            }
            w[i] -= m[i] * alpha / ((float) Math.sqrt(vhat[i]) + epsilon);
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("beta_1", number(beta1));
        config.put("beta_2", number(beta2));
        config.put("epsilon", number(epsilon));
        config.put("amsgrad", amsgrad);
    }
}
