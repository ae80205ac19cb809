package nn.core;

import nn.api.NnException;

/**
 * How {@link Sequential#fit} trains: epochs, batch size (Keras default 32), whether to shuffle the
 * samples every epoch, and the seed of that shuffle.
 */
public record FitConfig(int epochs, int batchSize, boolean shuffle, long seed) {

    public FitConfig {
        if (epochs <= 0) {
            throw new NnException("epochs must be a positive number, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new NnException("batch size must be a positive number, got " + batchSize);
        }
    }

    /** Keras's defaults: batch size 32, shuffled, seed 0. */
    public static FitConfig epochs(int epochs) {
        return new FitConfig(epochs, 32, true, 0L);
    }

    public FitConfig withBatchSize(int batchSize) {
        return new FitConfig(epochs, batchSize, shuffle, seed);
    }

    public FitConfig withShuffle(boolean shuffle) {
        return new FitConfig(epochs, batchSize, shuffle, seed);
    }

    public FitConfig withSeed(long seed) {
        return new FitConfig(epochs, batchSize, shuffle, seed);
    }
}
