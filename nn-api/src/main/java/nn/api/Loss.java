package nn.api;

import java.util.Map;
import org.ejml.data.FMatrixRMaj;

/**
 * A loss, averaged over the batch (Keras's {@code sum_over_batch_size}). Targets are a matrix of one
 * row a sample: class indices ({@code batch x 1}) for sparse losses, else the size of the predictions.
 */
public interface Loss {

    /** Keras name, e.g. {@code sparse_categorical_crossentropy}. */
    String name();

    /**
     * @param gradient if not null, receives dLoss/dPredictions (same size as predictions)
     * @return the mean loss over the batch
     */
    float compute(FMatrixRMaj predictions, FMatrixRMaj targets, FMatrixRMaj gradient);

    /** Whether this loss can work from the logits of a model that ends in this activation. */
    default boolean fusesWith(Activation outputActivation) {
        return false;
    }

    /** The loss of {@code activation(logits)}, computed stably from the logits; gradient is with respect to them. */
    default float computeFromLogits(FMatrixRMaj logits, FMatrixRMaj targets, FMatrixRMaj gradient) {
        throw new UnsupportedOperationException("loss " + name() + " does not work from logits");
    }

    default Map<String, Object> config() {
        return Map.of();
    }
}
