package nn.layers.conv;

import nn.api.Kernels;
import org.ejml.data.FMatrixRMaj;

/**
 * Any convolution as one product: z = im2col(x) K. Backward: dK = im2col(x)<sup>T</sup> dz,
 * dx = col2im(dz K<sup>T</sup>). im2col ({@link Kernels#windowGather}), col2im
 * ({@link Kernels#windowScatter}) and the products run on the model's kernels. A training batch is
 * laid out whole (its windows are kept for backward); inference goes through in chunks of samples
 * so that large batches need no large buffer.
 */
final class Im2colConvolution implements Convolution {
    /** Most floats an inference chunk's windows take (8 MB); training batches are laid out whole. */
    static final int INFERENCE_CHUNK_FLOATS = 1 << 21;

    private final Windows windows;
    private final Kernels kernels;
    private final int filters;
    private final int patch;
    private final FMatrixRMaj cols = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj chunkOut = new FMatrixRMaj(1, 1);
    private final PositionRows rows;
    private boolean colsHoldBatch;

    Im2colConvolution(Windows windows, Kernels kernels, int filters) {
        this.windows = windows;
        this.kernels = kernels;
        this.filters = filters;
        this.patch = windows.taps * windows.channels;
        this.rows = new PositionRows(windows.positions(), filters);
    }

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj kernel, boolean training, FMatrixRMaj z) {
        int n = x.numRows;
        int positions = windows.positions();
        int outSize = positions * filters;
        int chunk = training ? n : Math.max(1, INFERENCE_CHUNK_FLOATS / (positions * patch));
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            cols.reshape(count * positions, patch);
            kernels.windowGather(x.data, first, count, x.numCols, windows.offsets, windows.taps, windows.channels, cols.data);
            if (count == n) {
                kernels.mult(cols, kernel, rows.of(z));
            } else {
                chunkOut.reshape(count * positions, filters);
                kernels.mult(cols, kernel, chunkOut);
                System.arraycopy(chunkOut.data, 0, z.data, first * outSize, count * outSize);
            }
        }
        colsHoldBatch = training;
    }

    @Override
    public boolean holdsBatch(int samples) {
        return colsHoldBatch && cols.numRows == samples * windows.positions();
    }

    @Override
    public void backward(FMatrixRMaj dz, FMatrixRMaj kernel, FMatrixRMaj kernelGradient, FMatrixRMaj dx) {
        FMatrixRMaj gRows = rows.of(dz);
        if (kernelGradient != null) {
            kernels.multTransA(cols, gRows, kernelGradient);
        }
        if (dx != null) {
            colsHoldBatch = false;
            kernels.multTransB(gRows, kernel, cols);
            kernels.windowScatter(cols.data, dz.numRows, dx.numCols, windows.offsets, windows.taps, windows.channels, dx.data);
        }
    }
}
