package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * A layer whose output is an activation of a pre-activation it computed (Dense with an activation,
 * or Activation). When it ends a model, a loss that {@link Loss#fusesWith fuses} with its activation
 * works from the pre-activation (the logits), as Keras does for softmax and cross-entropy.
 */
public interface ActivatedLayer extends Layer {

    Activation activation();

    /** The pre-activation of the last forward pass. */
    FMatrixRMaj preActivation();

    /** {@link #backward} starting from the gradient with respect to the pre-activation. */
    FMatrixRMaj backwardFromPreActivation(FMatrixRMaj preActivationGradient, boolean inputGradientNeeded);
}
