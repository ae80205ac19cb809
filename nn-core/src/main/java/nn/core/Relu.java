package nn.core;

import nn.api.ElementwiseActivation;

/**
 * relu(x) = max(x, 0); the derivative at 0 is taken as 0, as TensorFlow does. It is on the hot path
 * of the tutorial, so it has loops of its own that the JIT can vectorize, not the per-element calls
 * of {@link ElementwiseActivation}.
 */
public final class Relu extends ElementwiseActivation {

    @Override
    public String name() {
        return "relu";
    }

    /** max(x, 0) is non-decreasing, and its gradient is 0 wherever it ties two inputs (x &lt;= 0). */
    @Override
    public boolean commutesWithMax() {
        return true;
    }

    @Override
    protected float apply(float x) {
        return Math.max(x, 0f);
    }

    @Override
    protected float derivative(float x, float y) {
        return x > 0f ? 1f : 0f;
    }

    @Override
    public void forward(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
        // Branch-free, since the signs are random and a branch mispredicts half the time: y = max(x, 0)
        // has non-negative bits, and -bits >> 31 is all ones exactly where y > 0.
        for (int i = from; i < to; i++) {
            int keep = -Float.floatToRawIntBits(y[i]) >> 31;
            dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[i]) & keep);
        }
    }
}
