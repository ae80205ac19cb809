package nn.core;

import nn.api.StatelessActivation;
import org.ejml.data.FMatrixRMaj;

/**
 * softmax over each row: y_j = e^(x_j - max) / sum_k e^(x_k - max). Backward: dx_j = y_j (dy_j - sum_k dy_k y_k).
 * A cross-entropy loss after it works from the logits instead (see {@link SparseCategoricalCrossentropy}).
 */
public final class Softmax extends StatelessActivation implements RowwiseActivation {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj y) {
        forwardRows(x, y, 0, x.numRows);
    }

    /** Rows {@code from} to {@code to} of the forward pass; each row on its own. */
    @Override
    public void forwardRows(FMatrixRMaj x, FMatrixRMaj y, int from, int to) {
        int cols = x.numCols;
        for (int r = from; r < to; r++) {
            int off = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x.data[off + j]);
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(x.data[off + j] - max);
                y.data[off + j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int j = 0; j < cols; j++) {
                y.data[off + j] *= inv;
            }
        }
    }

    @Override
    public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        int cols = y.numCols;
        for (int r = 0; r < y.numRows; r++) {
            int off = r * cols;
            float dot = 0f;
            for (int j = 0; j < cols; j++) {
                dot += dy.data[off + j] * y.data[off + j];
            }
            for (int j = 0; j < cols; j++) {
                dx.data[off + j] = y.data[off + j] * (dy.data[off + j] - dot);
            }
        }
    }
}
