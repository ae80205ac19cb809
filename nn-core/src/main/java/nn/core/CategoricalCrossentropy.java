package nn.core;

import nn.api.Config;
import nn.api.Loss;
import org.ejml.data.FMatrixRMaj;

/**
 * Cross-entropy with one-hot (or soft) targets t, mean over the batch. From logits z:
 * loss = sum_j t_j (logsumexp(z) - z_j), gradient (softmax(z) sum_j t_j - t) / N. From probabilities:
 * rows are renormalized to sum 1 and clipped to [1e-7, 1 - 1e-7], as Keras does.
 */
public final class CategoricalCrossentropy extends CrossEntropy {
    static final String NAME = "categorical_crossentropy";

    public CategoricalCrossentropy() {
        this(false);
    }

    public CategoricalCrossentropy(boolean fromLogits) {
        super(NAME, fromLogits);
    }

    @Override
    public Loss create(Config config) {
        return new CategoricalCrossentropy(config.getBoolean("from_logits", false));
    }

    @Override
    float computeFromProbabilities(FMatrixRMaj predictions, FMatrixRMaj targets, FMatrixRMaj gradient) {
        int classes = predictions.numCols;
        LossTargets.checkRows(predictions, targets, classes, NAME);
        int n = predictions.numRows;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            int off = r * classes;
            double total = 0;
            for (int j = 0; j < classes; j++) {
                total += predictions.data[off + j];
            }
            // d/dp_j of -sum_k t_k log(p_k / S), with S the row sum: -t_j / p_j + sum_k t_k / S
            double targetSum = 0;
            for (int j = 0; j < classes; j++) {
                targetSum += targets.data[off + j];
            }
            for (int j = 0; j < classes; j++) {
                float p = (float) (predictions.data[off + j] / total);
                float clipped = Math.min(Math.max(p, EPSILON), 1f - EPSILON);
                float t = targets.data[off + j];
                sum -= t * Math.log(clipped);
                if (gradient != null) {
                    double dp = clipped == p ? -t / p : 0.0;
                    gradient.data[off + j] = (float) ((dp / total + targetSum / total) / n);
                }
            }
        }
        return (float) (sum / n);
    }

    @Override
    public float computeFromLogits(FMatrixRMaj logits, FMatrixRMaj targets, FMatrixRMaj gradient) {
        int classes = logits.numCols;
        LossTargets.checkRows(logits, targets, classes, NAME);
        int n = logits.numRows;
        double sum = 0;
        double[] probabilities = rowScratch(classes);
        for (int r = 0; r < n; r++) {
            int off = r * classes;
            double lse = softmaxRow(logits, r, probabilities);
            double targetSum = 0;
            for (int j = 0; j < classes; j++) {
                float t = targets.data[off + j];
                targetSum += t;
                sum += t * (lse - logits.data[off + j]);
            }
            if (gradient != null) {
                for (int j = 0; j < classes; j++) {
                    gradient.data[off + j] = (float) ((probabilities[j] * targetSum - targets.data[off + j]) / n);
                }
            }
        }
        return (float) (sum / n);
    }
}
