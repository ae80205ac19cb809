package nn.core;

import java.util.Map;
import nn.api.ActivatedLayer;
import nn.api.Activation;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;

/** Keras's {@code Activation} layer: applies an activation, e.g. the ReLU after a BatchNormalization. */
public final class ActivationLayer extends BaseLayer implements ActivatedLayer {
    private final Activation activation;
    private FMatrixRMaj input;
    private final FMatrixRMaj y = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dx = new FMatrixRMaj(1, 1);

    public ActivationLayer(String activation) {
        this(Config.of("layer Activation", Map.of("activation", activation)));
    }

    public ActivationLayer(Config config) {
        super("Activation", config, "activation");
        this.activation = config.getActivation("activation", "linear");
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        return inputShape;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        input = x;
        y.reshape(x.numRows, x.numCols);
        activation.forward(x, y);
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        if (!inputGradientNeeded) {
            return null;
        }
        dx.reshape(outputGradient.numRows, outputGradient.numCols);
        activation.backward(input, y, outputGradient, dx);
        return dx;
    }

    @Override
    public FMatrixRMaj backwardFromPreActivation(FMatrixRMaj gradient, boolean inputGradientNeeded) {
        return inputGradientNeeded ? gradient : null;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public FMatrixRMaj preActivation() {
        return input;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("activation", Activations.serialize(activation));
    }
}
