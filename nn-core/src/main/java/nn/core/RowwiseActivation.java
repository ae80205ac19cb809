package nn.core;

import nn.api.Activation;
import org.ejml.data.FMatrixRMaj;

/**
 * An activation that maps each row of its input on its own (softmax), so a layer may cut its
 * rows between the kernels' threads ({@link Dense}): the bits do not depend on the cut.
 */
interface RowwiseActivation extends Activation {

    /** Rows {@code from} to {@code to} of {@link #forward}. */
    void forwardRows(FMatrixRMaj x, FMatrixRMaj y, int from, int to);
}
