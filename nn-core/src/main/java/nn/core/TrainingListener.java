package nn.core;

import java.util.Map;

/**
 * Observes training, as Keras's callbacks do: the progress bar, CSV logs and checkpoints are
 * listeners. Epochs count from 1. A listener may end training early with {@link Sequential#stopTraining()}.
 */
public interface TrainingListener {

    default void onTrainBegin(int epochs, int stepsPerEpoch, int samples) {
    }

    default void onEpochBegin(int epoch, int epochs) {
    }

    /** After each batch; {@code logs} holds the running means of the epoch so far (reused: copy to keep). */
    default void onBatchEnd(int epoch, int step, int steps, Logs logs) {
    }

    /** After each epoch, with the epoch's loss and metrics and, if there is validation data, val_ ones. */
    default void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    /**
     * What the fit loop calls after each epoch: as {@link #onEpochEnd(int, Map)}, with the epoch's
     * wall-clock seconds (training and validation) as {@link History} records them, for listeners that
     * keep a history of their own rather than timing the epoch again.
     */
    default void onEpochEnd(int epoch, Map<String, Double> logs, double seconds) {
        onEpochEnd(epoch, logs);
    }

    default void onTrainEnd(History history) {
    }
}
