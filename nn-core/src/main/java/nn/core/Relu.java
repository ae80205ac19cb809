package nn.core;

import nn.api.ElementwiseActivation;
import nn.api.Kernels;
import nn.api.ReluOps;

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
        ReluOps.backward(y, dy, dx, from, to);
    }

    /** On the kernels' own pass: C2 (JDK 17) runs {@link ReluOps}'s bit mask one float at a time, a vector kernel 5x faster. */
    @Override
    public boolean backwardOnKernels(Kernels kernels, float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.reluBackward(y, dy, dx, n);
        return true;
    }
}
