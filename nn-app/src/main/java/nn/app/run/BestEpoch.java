package nn.app.run;

import java.util.Map;

/**
 * The epoch with the lowest val_loss so far (the training loss when there is no validation data),
 * as Keras's {@code ModelCheckpoint(save_best_only=True)} monitors it.
 */
record BestEpoch(String monitor, double value, int epoch) {

    static String monitorOf(Map<String, Double> logs) {
        return logs.containsKey("val_loss") ? "val_loss" : "loss";
    }

    /** The first epoch of a run, which is the best so far. */
    static BestEpoch of(int epoch, Map<String, Double> logs) {
        String monitor = monitorOf(logs);
        return new BestEpoch(monitor, logs.get(monitor), epoch);
    }

    /** This or {@code epoch}, whichever is lower; a tie keeps the earlier epoch. */
    BestEpoch orBetter(int epoch, Map<String, Double> logs) {
        Double candidate = logs.get(monitor);
        return candidate != null && candidate < value ? new BestEpoch(monitor, candidate, epoch) : this;
    }
}
