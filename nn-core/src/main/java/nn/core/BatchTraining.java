package nn.core;

import org.ejml.data.FMatrixRMaj;

/**
 * How {@link Sequential#fit} trains on each batch: by default one optimizer step of the model
 * itself; data-parallel training sends the batch's shards to workers instead. The fit loop keeps
 * the rest (shuffles, logs, metrics, validation, listeners), so both log the same way.
 */
public interface BatchTraining {

    /** Training begins, before the first epoch. */
    default void beginTraining() {
    }

    /** Training has ended, after the last epoch or because something failed. */
    default void endTraining() {
    }

    /**
     * An epoch begins, with its samples in this order (batch {@code b} holds
     * {@code order[b * batchSize]} up to {@code batchSize} indices; the last batch may be smaller).
     * The array is the loop's own: read it, do not keep or change it past the epoch.
     */
    default void beginEpoch(int epoch, int[] order, int batchSize) {
    }

    /**
     * Trains on batch {@code step} (from 0) of the epoch, whose rows are loaded in
     * {@code features} and {@code targets}.
     *
     * @return the batch's mean loss, before the update
     */
    float train(int step, FMatrixRMaj features, FMatrixRMaj targets);

    /** The outputs of the batch just trained, one row a sample, for the metrics. */
    FMatrixRMaj output();
}
