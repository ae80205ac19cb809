package nn.core;

import java.util.random.RandomGenerator;
import nn.api.Kernels;
import org.ejml.data.FMatrixRMaj;

/**
 * Cuts data into batches in a (possibly shuffled) order of sample indices, copying each batch's rows
 * into float32 buffers that are reused, so the data itself is never copied or reordered (features
 * stored as bytes become floats here, a batch at a time). The last batch may be smaller, as in Keras.
 */
final class Batches {
    private final LabeledData data;
    private final int batchSize;
    private final int[] order;
    private final FMatrixRMaj features;
    private final FMatrixRMaj targets;
    private final Kernels kernels;

    /**
     * @param kernels what converts stored features (e.g. bytes) to floats
     * @param featureBuffer where batches of features go, reshaped (its array kept when big enough):
     *     a caller that makes batches again and again (predict) passes the same one, since a batch
     *     of 1000 images is a 3 MB array that G1 puts straight into the old generation
     */
    Batches(LabeledData data, int batchSize, Kernels kernels, FMatrixRMaj featureBuffer) {
        this.data = data;
        this.kernels = kernels;
        this.batchSize = batchSize;
        this.order = new int[data.size()];
        resetOrder();
        int rows = Math.min(batchSize, data.size());
        this.features = featureBuffer;
        featureBuffer.reshape(rows, data.features().columns());
        this.targets = new FMatrixRMaj(rows, data.targets().numCols);
    }

    int count() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** Fisher-Yates over the indices 0..n-1, so the order depends on the generator only, not on earlier shuffles. */
    void shuffle(RandomGenerator random) {
        resetOrder();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The sample indices in batch order, batch {@code b} being {@code order[b * batchSize ...]}: the live array, not a copy. */
    int[] order() {
        return order;
    }

    private void resetOrder() {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** Fills the buffers with batch {@code index} (from 0) and returns its number of rows. */
    int load(int index) {
        int from = index * batchSize;
        int rows = Math.min(batchSize, order.length - from);
        features.reshape(rows, features.numCols);
        data.features().copyRows(order, from, rows, features.data, kernels);
        copyRows(data.targets(), targets, from, rows);
        return rows;
    }

    FMatrixRMaj features() {
        return features;
    }

    FMatrixRMaj targets() {
        return targets;
    }

    private void copyRows(FMatrixRMaj source, FMatrixRMaj batch, int from, int rows) {
        int cols = source.numCols;
        batch.reshape(rows, cols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(source.data, order[from + r] * cols, batch.data, r * cols, cols);
        }
    }
}
