package nn.core;

import nn.api.ElementwiseActivation;

/** linear(x) = x: Keras's default activation of Dense (no activation). */
public final class Linear extends ElementwiseActivation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    protected float apply(float x) {
        return x;
    }

    @Override
    protected float derivative(float x, float y) {
        return 1f;
    }
}
