package example.plugin;

import nn.api.Activation;
import nn.api.ActivationProvider;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * mish(x) = x * tanh(softplus(x)) (Misra 2019), with softplus(x) = ln(1 + e<sup>x</sup>) computed
 * as max(x, 0) + ln(1 + e<sup>-|x|</sup>), which never overflows. Since softplus' = sigmoid:
 * <pre>
 * mish'(x) = tanh(sp) + x * (1 - tanh(sp)<sup>2</sup>) * sigmoid(x),   sp = softplus(x)
 * </pre>
 * Stateless, so it is its own provider: {@link #create} returns this.
 */
public final class Mish implements Activation, ActivationProvider {

    /** The name in model files, e.g. {@code "activation": "mish"}; also the provider's name. */
    @Override
    public String name() {
        return "mish";
    }

    @Override
    public Activation create(Config config) {
        return this;
    }

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj y) {
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            y.data[i] = (float) mish(x.data[i]);
        }
    }

    @Override
    public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            dx.data[i] = dy.data[i] * (float) derivative(x.data[i]);
        }
    }

    static double mish(double x) {
        return x * Math.tanh(softplus(x));
    }

    static double derivative(double x) {
        double t = Math.tanh(softplus(x));
        double sigmoid = 1.0 / (1.0 + Math.exp(-x));
        return t + x * (1.0 - t * t) * sigmoid;
    }

    private static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public String toString() {
        return name();
    }
}
