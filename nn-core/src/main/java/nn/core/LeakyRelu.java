package nn.core;

import java.util.Map;
import nn.api.Activation;
import nn.api.Config;
import nn.api.ElementwiseActivation;
import nn.api.NnException;

/** leaky_relu(x) = x for x > 0, else alpha x; alpha 0.2 as in tf.nn.leaky_relu, which Keras 2 uses. */
public final class LeakyRelu extends ElementwiseActivation {
    private final float alpha;

    public LeakyRelu() {
        this(0.2f);
    }

    public LeakyRelu(float alpha) {
        if (!(alpha >= 0f)) {
            throw new NnException("activation leaky_relu: 'alpha' must be >= 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    protected float apply(float x) {
        return x > 0f ? x : alpha * x;
    }

    @Override
    protected float derivative(float x, float y) {
        return x > 0f ? 1f : alpha;
    }

    @Override
    public Activation create(Config config) {
        return new LeakyRelu(config.getFloat("alpha", 0.2f));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("alpha", (double) alpha);
    }
}
