package nn.core;

import nn.api.ElementwiseActivation;

/**
 * gelu(x) = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2, the exact form (Keras's default,
 * approximate=False); gelu' = Phi(x) + x phi(x).
 */
public final class Gelu extends ElementwiseActivation {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    protected float apply(float x) {
        return (float) (x * cdf(x));
    }

    @Override
    protected float derivative(float x, float y) {
        return (float) (cdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
    }

    private static double cdf(double x) {
        return 0.5 * (1.0 + Erf.erf(x * INV_SQRT2));
    }
}
