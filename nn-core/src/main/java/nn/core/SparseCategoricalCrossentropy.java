package nn.core;

import nn.api.Config;
import nn.api.Loss;
import org.ejml.data.FMatrixRMaj;

/**
 * Cross-entropy with integer class targets ({@code batch x 1}), mean over the batch. From logits z:
 * loss = logsumexp(z) - z_label, gradient (softmax(z) - onehot) / N. From probabilities p: clipped
 * to [1e-7, 1 - 1e-7], loss = -log p_label, gradient -1 / (N p_label) where not clipped.
 */
public final class SparseCategoricalCrossentropy extends CrossEntropy {
    static final String NAME = "sparse_categorical_crossentropy";

    public SparseCategoricalCrossentropy() {
        this(false);
    }

    public SparseCategoricalCrossentropy(boolean fromLogits) {
        super(NAME, fromLogits);
    }

    @Override
    public Loss create(Config config) {
        return new SparseCategoricalCrossentropy(config.getBoolean("from_logits", false));
    }

    @Override
    float computeFromProbabilities(FMatrixRMaj predictions, FMatrixRMaj targets, FMatrixRMaj gradient) {
        LossTargets.checkRows(predictions, targets, 1, NAME);
        int n = predictions.numRows;
        int classes = predictions.numCols;
        double sum = 0;
        if (gradient != null) {
            java.util.Arrays.fill(gradient.data, 0, n * classes, 0f);
        }
        for (int r = 0; r < n; r++) {
            int label = label(targets, r, classes, NAME);
            float p = predictions.data[r * classes + label];
            float clipped = Math.min(Math.max(p, EPSILON), 1f - EPSILON);
            sum -= Math.log(clipped);
            if (gradient != null && clipped == p) {
                gradient.data[r * classes + label] = -1f / (n * p);
            }
        }
        return (float) (sum / n);
    }

    @Override
    public float computeFromLogits(FMatrixRMaj logits, FMatrixRMaj targets, FMatrixRMaj gradient) {
        LossTargets.checkRows(logits, targets, 1, NAME);
        int n = logits.numRows;
        double sum = 0;
        double[] probabilities = rowScratch(logits.numCols);
        for (int r = 0; r < n; r++) {
            sum += rowFromLogits(logits, targets, gradient, r, probabilities);
        }
        return (float) (sum / n);
    }

    /**
     * Row r's loss from its logits, logsumexp(z) - z_label, and its gradient row (if a gradient is
     * asked for); rows are independent, so {@link RowParallelLoss} may compute them on several
     * threads and add them up in order, for the bits of {@link #computeFromLogits}.
     */
    double rowFromLogits(FMatrixRMaj logits, FMatrixRMaj targets, FMatrixRMaj gradient, int r, double[] probabilities) {
        int n = logits.numRows;
        int classes = logits.numCols;
        int label = label(targets, r, classes, NAME);
        int off = r * classes;
        double lse = softmaxRow(logits, r, probabilities);
        if (gradient != null) {
            for (int j = 0; j < classes; j++) {
                gradient.data[off + j] = (float) probabilities[j] / n;
            }
            gradient.data[off + label] -= 1f / n;
        }
        return lse - logits.data[off + label];
    }
}
