package nn.core;

import nn.api.ElementwiseActivation;

/** elu(x) = x for x > 0, else e^x - 1 (Keras's alpha = 1); elu' = 1, or y + 1. */
public final class Elu extends ElementwiseActivation {

    @Override
    public String name() {
        return "elu";
    }

    @Override
    protected float apply(float x) {
        return x > 0f ? x : (float) Math.expm1(x);
    }

    @Override
    protected float derivative(float x, float y) {
        return x > 0f ? 1f : y + 1f;
    }
}
