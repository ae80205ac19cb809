package nn.core;

import nn.api.ElementwiseActivation;
import org.ejml.data.FMatrixRMaj;

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

    @Override
    protected float apply(float x) {
        return Math.max(x, 0f);
    }

    @Override
    protected float derivative(float x, float y) {
        return x > 0f ? 1f : 0f;
    }

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj y) {
        float[] in = x.data;
        float[] out = y.data;
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            out[i] = Math.max(in[i], 0f);
        }
    }

    @Override
    public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        float[] out = y.data;
        float[] gradOut = dy.data;
        float[] gradIn = dx.data;
        // Branch-free, since the signs are random and a branch mispredicts half the time: y = max(x, 0)
        // has non-negative bits, and -bits >> 31 is all ones exactly where y > 0.
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            int keep = -Float.floatToRawIntBits(out[i]) >> 31;
            gradIn[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gradOut[i]) & keep);
        }
    }
}
