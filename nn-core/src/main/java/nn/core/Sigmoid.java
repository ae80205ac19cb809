package nn.core;

import nn.api.ElementwiseActivation;

/** sigmoid(x) = 1 / (1 + e^-x); sigmoid' = y (1 - y). */
public final class Sigmoid extends ElementwiseActivation {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    protected float apply(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    @Override
    protected float derivative(float x, float y) {
        return y * (1f - y);
    }
}
