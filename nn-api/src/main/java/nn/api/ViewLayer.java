package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * A layer that only gives each sample another shape (Keras's {@code Flatten}, {@code Reshape}): a
 * sample is one row of the batch in row-major order whatever its shape, so the forward pass returns
 * its input and the backward pass the output gradient, nothing copied. A subclass says the output
 * shape in {@link #onBuild}.
 */
public abstract class ViewLayer extends BaseLayer {

    protected ViewLayer(String type, Config config, ConfigKeys keys) {
        super(type, config, keys);
    }

    @Override
    public final FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
        checkInput(input);
        return input;
    }

    @Override
    public final FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        return inputGradientNeeded ? outputGradient : null;
    }
}
