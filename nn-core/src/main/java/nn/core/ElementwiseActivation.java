package nn.core;

import org.ejml.data.FMatrixRMaj;

/**
 * An activation applied to each element alone: f(x) and its derivative, written in terms of x and
 * y = f(x) so that each activation reads as its formula. Stateless, so each is its own provider.
 */
abstract class ElementwiseActivation extends StatelessActivation {

    abstract float apply(float x);

    /** f'(x), given x and y = f(x). */
    abstract float derivative(float x, float y);

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
