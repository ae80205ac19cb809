package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * An activation applied to each element alone: write f(x) and its derivative, in terms of x and
 * y = f(x), and this class loops over the batch (forward may write into x, backward into dy).
 * Stateless by default, so it is its own provider; override {@link #create} for parameters.
 *
 * <pre>{@code
 * public final class Swish extends ElementwiseActivation {
 *     public String name() { return "swish"; }
 *     protected float apply(float x) { return x / (1f + (float) Math.exp(-x)); }
 *     protected float derivative(float x, float y) { ... }
 * }
 * }</pre>
 */
public abstract class ElementwiseActivation extends StatelessActivation {

    /** f(x). */
    protected abstract float apply(float x);

    /** f'(x), given x and y = f(x). */
    protected abstract float derivative(float x, float y);

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj y) {
        float[] in = x.data;
        float[] out = y.data;
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            out[i] = apply(in[i]);
        }
    }

    @Override
    public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        float[] in = x.data;
        float[] out = y.data;
        float[] gradOut = dy.data;
        float[] gradIn = dx.data;
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            gradIn[i] = gradOut[i] * derivative(in[i], out[i]);
        }
    }
}
