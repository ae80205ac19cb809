package nn.core;

import nn.api.ElementwiseActivation;

/** tanh(x); tanh' = 1 - y^2. */
public final class Tanh extends ElementwiseActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    protected float apply(float x) {
        return (float) Math.tanh(x);
    }

    @Override
    protected float derivative(float x, float y) {
        return 1f - y * y;
    }
}
