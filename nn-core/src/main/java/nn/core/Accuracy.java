package nn.core;

import nn.api.Config;
import nn.api.Metric;
import nn.api.MetricProvider;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras's {@code accuracy}, resolved by the targets as Keras does: class indices (one column)
 * against the arg-max of the predictions (sparse categorical accuracy); one-hot rows against the
 * arg-max of both (categorical); a single output thresholded at 0.5 (binary).
 */
public final class Accuracy implements Metric, MetricProvider {
    private long correct;
    private long total;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public java.util.List<String> aliases() {
        return java.util.List.of("acc");
    }

    @Override
    public Metric create(Config config) {
        return new Accuracy();
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void update(FMatrixRMaj predictions, FMatrixRMaj targets) {
        int cols = predictions.numCols;
        for (int r = 0; r < predictions.numRows; r++) {
            boolean hit;
            if (cols == 1) {
                hit = (predictions.data[r] > 0.5f) == (targets.data[r] > 0.5f);
            } else if (targets.numCols == 1) {
                hit = argMax(predictions, r) == (int) targets.data[r];
            } else {
                hit = argMax(predictions, r) == argMax(targets, r);
            }
            correct += hit ? 1 : 0;
        }
        total += predictions.numRows;
    }

    @Override
    public double result() {
        return total == 0 ? 0.0 : (double) correct / total;
    }

    /** Index of the first largest value of row r, as numpy's argmax. */
    static int argMax(FMatrixRMaj m, int r) {
        int off = r * m.numCols;
        int best = 0;
        for (int j = 1; j < m.numCols; j++) {
            if (m.data[off + j] > m.data[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
