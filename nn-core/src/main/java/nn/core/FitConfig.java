package nn.core;

import nn.api.NnException;

/**
 * How {@link Sequential#fit} trains: epochs, batch size (Keras default 32), whether to shuffle the
 * samples every epoch, the seed of that shuffle, and, as Keras's {@code initial_epoch}, the epochs
 * already done: fit trains epochs {@code initialEpoch + 1} to {@code epochs}. Each epoch's shuffle
 * depends only on the seed and the epoch number, so a run resumed at an epoch (with the weights and
 * optimizer state saved there) continues exactly as the uninterrupted run.
 */
public record FitConfig(int epochs, int batchSize, boolean shuffle, long seed, int initialEpoch) {

    public FitConfig {
        if (epochs <= 0) {
            throw new NnException("epochs must be a positive number, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new NnException("batch size must be a positive number, got " + batchSize);
        }
        if (initialEpoch < 0 || initialEpoch >= epochs) {
            throw new NnException("initial epoch must be in [0, epochs) = [0, " + epochs + "), got " + initialEpoch
                    + " (fit trains epochs initialEpoch + 1 to epochs)");
        }
    }

    /** From the first epoch. */
    public FitConfig(int epochs, int batchSize, boolean shuffle, long seed) {
        this(epochs, batchSize, shuffle, seed, 0);
    }

    /** Keras's defaults: batch size 32, shuffled, seed 0, from the first epoch. */
    public static FitConfig epochs(int epochs) {
        return new FitConfig(epochs, 32, true, 0L);
    }

    public FitConfig withBatchSize(int batchSize) {
        return new FitConfig(epochs, batchSize, shuffle, seed, initialEpoch);
    }

    public FitConfig withShuffle(boolean shuffle) {
        return new FitConfig(epochs, batchSize, shuffle, seed, initialEpoch);
    }

    public FitConfig withSeed(long seed) {
        return new FitConfig(epochs, batchSize, shuffle, seed, initialEpoch);
    }

    /** Continues after {@code initialEpoch} epochs done, e.g. those of a saved checkpoint. */
    public FitConfig withInitialEpoch(int initialEpoch) {
        return new FitConfig(epochs, batchSize, shuffle, seed, initialEpoch);
    }
}
