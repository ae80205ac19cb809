package example.plugin;

import nn.api.ElementwiseActivation;

/**
 * mish(x) = x * tanh(softplus(x)) (Misra 2019), with softplus(x) = ln(1 + e<sup>x</sup>) computed
 * as max(x, 0) + ln(1 + e<sup>-|x|</sup>), which never overflows. Since softplus' = sigmoid:
 * <pre>
 * mish'(x) = tanh(sp) + x * (1 - tanh(sp)<sup>2</sup>) * sigmoid(x),   sp = softplus(x)
 * </pre>
 * Stateless, so it is its own provider ({@link ElementwiseActivation} does that and the loops).
 */
public final class Mish extends ElementwiseActivation {

    /** The name in model files, e.g. {@code "activation": "mish"}; also the provider's name. */
    @Override
    public String name() {
        return "mish";
    }

    @Override
    protected float apply(float x) {
        return (float) (x * Math.tanh(softplus(x)));
    }

    @Override
    protected float derivative(float x, float y) {
        double t = Math.tanh(softplus(x));
        double sigmoid = 1.0 / (1.0 + Math.exp(-x));
        return (float) (t + x * (1.0 - t * t) * sigmoid);
    }

    private static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
