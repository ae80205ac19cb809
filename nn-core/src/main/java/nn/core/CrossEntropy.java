package nn.core;

import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;

/**
 * The arithmetic the cross-entropy losses share: a row's log-sum-exp of logits, and the class index
 * a sparse target row holds.
 */
final class CrossEntropy {
    /** Keras's backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON]. */
    static final float EPSILON = 1e-7f;

    private CrossEntropy() {
    }

    /** log(sum_j e^(z_j)) of row r, computed from the row's maximum so nothing overflows. */
    static double logSumExp(FMatrixRMaj logits, int r) {
        int off = r * logits.numCols;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < logits.numCols; j++) {
            max = Math.max(max, logits.data[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < logits.numCols; j++) {
            sum += Math.exp(logits.data[off + j] - max);
        }
        return max + Math.log(sum);
    }

    /** The class index in row r of sparse targets, checked against the number of classes. */
    static int label(FMatrixRMaj targets, int r, int classes, String loss) {
        float v = targets.data[r * targets.numCols];
        int label = (int) v;
        if (label != v || label < 0 || label >= classes) {
            throw new NnException(loss + ": target " + v + " in row " + r + " is not a class index in [0, "
                    + (classes - 1) + "]");
        }
        return label;
    }

    static void checkRows(FMatrixRMaj predictions, FMatrixRMaj targets, int targetColumns, String loss) {
        if (predictions.numRows != targets.numRows || targets.numCols != targetColumns) {
            throw new NnException(loss + ": targets of shape " + targets.numRows + "x" + targets.numCols
                    + " do not fit predictions of shape " + predictions.numRows + "x" + predictions.numCols
                    + " (expected " + predictions.numRows + "x" + targetColumns + ")");
        }
    }
}
