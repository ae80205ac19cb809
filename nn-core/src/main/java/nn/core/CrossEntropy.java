package nn.core;

import java.util.Map;
import nn.api.Activation;
import nn.api.Loss;
import nn.api.LossProvider;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;

/**
 * What the cross-entropy losses share: the {@code from_logits} switch, fusion with a final softmax,
 * a row's softmax and log-sum-exp of logits, and the class index a sparse target row holds. Each
 * loss is its own provider (it is stateless).
 */
abstract class CrossEntropy implements Loss, LossProvider {
    /** Keras's backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON]. */
    static final float EPSILON = 1e-7f;

    /** A row's probabilities for {@link #softmaxRow}: per thread, so a loss stays stateless and a warm step allocates nothing. */
    private static final ThreadLocal<double[]> ROW = ThreadLocal.withInitial(() -> new double[0]);

    private final String name;
    final boolean fromLogits;

    CrossEntropy(String name, boolean fromLogits) {
        this.name = name;
        this.fromLogits = fromLogits;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean fusesWith(Activation outputActivation) {
        return !fromLogits && outputActivation.name().equals("softmax");
    }

    @Override
    public final float compute(FMatrixRMaj predictions, FMatrixRMaj targets, FMatrixRMaj gradient) {
        return fromLogits ? computeFromLogits(predictions, targets, gradient)
                : computeFromProbabilities(predictions, targets, gradient);
    }

    /** The loss of predicted probabilities, clipped to [EPSILON, 1 - EPSILON]. */
    abstract float computeFromProbabilities(FMatrixRMaj predictions, FMatrixRMaj targets, FMatrixRMaj gradient);

    @Override
    public final Map<String, Object> config() {
        return Map.of("from_logits", fromLogits);
    }

    /** Scratch for a row of {@code classes} probabilities, this thread's own. */
    static double[] rowScratch(int classes) {
        double[] row = ROW.get();
        if (row.length < classes) {
            row = new double[classes];
            ROW.set(row);
        }
        return row;
    }

    /**
     * Softmax of row r of the logits in double precision, p_j = e^(z_j - max) / sum_k e^(z_k - max),
     * into {@code probabilities}; returns the row's log(sum_k e^(z_k)) = max + log(sum_k e^(z_k - max)).
     * One exponential a logit serves both the loss and its gradient (they took two: 79 against
     * 18 us for the softmax layer's own pass at batch 256, issue 14).
     */
    static double softmaxRow(FMatrixRMaj logits, int r, double[] probabilities) {
        int classes = logits.numCols;
        int off = r * classes;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, logits.data[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            double e = Math.exp(logits.data[off + j] - max);
            probabilities[j] = e;
            sum += e;
        }
        for (int j = 0; j < classes; j++) {
            probabilities[j] /= sum;
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

}
