package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * A layer that can apply the activation of the Activation layer right after it inside its own
 * passes, as oneDNN's batch normalization does with a fused ReLU: one pass over the output fewer
 * forward and one fewer backward. Before each forward pass a model asks
 * {@link #fusesActivation}; on yes it calls {@link #forwardActivated} instead of this layer's
 * forward and then the activation layer's, and, for a training pass, {@link #backwardActivated}
 * with the gradient of the activation's output instead of the two backward passes. The results
 * must be those of the two layers apart, bit for bit.
 */
public interface FusesActivation extends Layer {

    /** Whether the next forward pass in this mode can apply {@code activation} itself; may change between passes. */
    boolean fusesActivation(Activation activation, boolean training);

    /** {@link #forward}, then {@code activation}, which {@link #fusesActivation} has just accepted for this mode. */
    FMatrixRMaj forwardActivated(FMatrixRMaj input, boolean training, Activation activation);

    /**
     * {@link #backward}, starting from the gradient with respect to the activation's output, after
     * a training {@link #forwardActivated}.
     */
    FMatrixRMaj backwardActivated(FMatrixRMaj activationGradient, boolean inputGradientNeeded);
}
