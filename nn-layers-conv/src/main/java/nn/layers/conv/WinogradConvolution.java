package nn.layers.conv;

import nn.api.Kernels;
import nn.api.WinogradOps;
import nn.api.WinogradTiles;
import org.ejml.data.FMatrixRMaj;

/**
 * A stride-1, undilated 3x3 convolution by Winograd's F(2x2, 3x3) ({@link WinogradOps}): 16
 * products of (tiles x channels) by (channels x filters), 2.25 times fewer multiplications than
 * im2col's one product. Forward keeps the transformed input tiles V for the kernel gradient;
 * backward transforms dz once (M) for both gradients: dU = V<sup>T</sup> M, dV = M U<sup>T</sup>.
 * The transforms and the products run on the model's kernels. Results differ from im2col's by
 * rounding only. Backward uses the kernel as the forward pass transformed it. Inference goes
 * through in chunks of samples so that large batches need no large buffer.
 */
final class WinogradConvolution implements Convolution {
    private static final int E = WinogradOps.ELEMENTS;

    private final WinogradTiles tiles;
    private final Kernels kernels;
    private final FMatrixRMaj[] u = matrices();
    private final FMatrixRMaj[] du = matrices();
    private final FMatrixRMaj[] v = matrices();
    private final FMatrixRMaj[] m = matrices();
    private final float[][] uData = new float[E][];
    private final float[][] duData = new float[E][];
    private final float[][] vData = new float[E][];
    private final float[][] mData = new float[E][];
    private final int floatsPerSample;
    private float[] band = new float[0];
    private boolean vHoldsBatch;
    private int heldSamples;

    WinogradConvolution(WinogradTiles tiles, Kernels kernels) {
        this.tiles = tiles;
        this.kernels = kernels;
        this.floatsPerSample = E * tiles.tiles() * (tiles.channels + tiles.filters);
        for (int e = 0; e < E; e++) {
            u[e].reshape(tiles.channels, tiles.filters);
            du[e].reshape(tiles.channels, tiles.filters);
            uData[e] = u[e].data;
            duData[e] = du[e].data;
        }
    }

    /** Whether F(2x2, 3x3) computes this convolution: a 3x3 kernel, stride 1, no dilation. */
    static boolean fits(int[] kernelSize, int[] strides, int[] dilation) {
        return kernelSize[0] == 3 && kernelSize[1] == 3 && strides[0] == 1 && strides[1] == 1 && dilation[0] == 1
                && dilation[1] == 1;
    }

    /** The tiles of a convolution that {@link #fits}. */
    static WinogradTiles tiles(Windows windows, int filters, Padding padding) {
        return new WinogradTiles(windows.height, windows.width, windows.channels, filters, windows.outHeight,
                windows.outWidth, padding.before(windows.height, 3, 1), padding.before(windows.width, 3, 1));
    }

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj kernel, boolean training, FMatrixRMaj z) {
        WinogradKernel.kernel(kernel.data, tiles.channels, tiles.filters, uData);
        int n = x.numRows;
        if (n == 0) {
            layOut(0); // an empty batch: backward then sees no tiles, not the last batch's
        }
        int chunk = training ? n : Math.max(1, Convolution.CHUNK_FLOATS / floatsPerSample);
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            layOut(count);
            kernels.winogradInput(x.data, first, count, tiles, vData, band);
            for (int e = 0; e < E; e++) {
                kernels.mult(v[e], u[e], m[e]);
            }
            kernels.winogradOutput(mData, first, count, tiles, z.data, band);
        }
        vHoldsBatch = training;
        heldSamples = n;
    }

    @Override
    public boolean holdsBatch(int samples) {
        return vHoldsBatch && heldSamples == samples;
    }

    @Override
    public void backward(FMatrixRMaj dz, FMatrixRMaj kernel, FMatrixRMaj kernelGradient, FMatrixRMaj dx) {
        if (kernelGradient == null && dx == null) {
            return;
        }
        int n = dz.numRows;
        kernels.winogradOutputGradient(dz.data, n, tiles, mData, band);
        if (dx != null) {
            vHoldsBatch = false;
        }
        // both products of an element one after the other, while its M and V are still in cache
        for (int e = 0; e < E; e++) {
            if (kernelGradient != null) {
                kernels.multTransA(v[e], m[e], du[e]);
            }
            if (dx != null) {
                kernels.multTransB(m[e], u[e], v[e]);
            }
        }
        if (kernelGradient != null) {
            WinogradKernel.kernelGradient(duData, tiles.channels, tiles.filters, kernelGradient.data);
        }
        if (dx != null) {
            kernels.winogradInputGradient(vData, n, tiles, dx.data, band);
        }
    }

    /** Shapes V and M for {@code samples} samples' tiles and the scratch band, growing their arrays only when needed. */
    private void layOut(int samples) {
        int rows = samples * tiles.tiles();
        for (int e = 0; e < E; e++) {
            v[e].reshape(rows, tiles.channels);
            m[e].reshape(rows, tiles.filters);
            vData[e] = v[e].data;
            mData[e] = m[e].data;
        }
        if (band.length < samples * tiles.bandFloats()) {
            band = new float[samples * tiles.bandFloats()];
        }
    }

    private static FMatrixRMaj[] matrices() {
        FMatrixRMaj[] matrices = new FMatrixRMaj[E];
        for (int e = 0; e < E; e++) {
            matrices[e] = new FMatrixRMaj(1, 1);
        }
        return matrices;
    }
}
