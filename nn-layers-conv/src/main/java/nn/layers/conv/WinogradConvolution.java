package nn.layers.conv;

import java.util.Arrays;
import nn.api.Kernels;
import nn.api.WinogradOps;
import nn.api.WinogradTiles;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * A stride-1, undilated 3x3 convolution by Winograd's F(4x4, 3x3) ({@link WinogradOps}): 36
 * products of (tiles x channels) by (channels x filters), 4 times fewer multiplications than
 * im2col's one product (3.1 times on 14x14 images, whose 4x4 tiles cover 16x16). Backward
 * transforms dz (M) for both gradients: dU = V<sup>T</sup> M, dV = M U<sup>T</sup>. The transforms and the products run on the model's kernels. Results
 * differ from im2col's by rounding only. Backward uses the kernel as the forward pass transformed it.
 *
 * <p>Every pass goes through the batch in chunks of a few samples whose transformed tiles V and M
 * ({@link #CHUNK_FLOATS} a thread) stay in cache from the transform to the products and back: laid
 * out for the whole batch they took 10 MB and every pass over them went to memory (a cnn-bn step
 * 13 -> 11 ms). So backward transforms the forward pass's input again rather than keeping V, and
 * adds each chunk's share to the kernel gradient with {@link Kernels#multAddTransA}, which goes on
 * with multTransA's sums: chunks of any size, so any thread count, give the whole batch's bits.
 */
final class WinogradConvolution implements Convolution {
    /**
     * Most floats a chunk's V and M take a thread (1 MB, L2's size here): 4 samples of cnn-bn's
     * 14x14x32 -> 64. With F(4x4, 3x3), 2^17 and 2^19 measured the same within noise.
     */
    static final int CHUNK_FLOATS = 1 << 18;

    private static final int E = WinogradOps.ELEMENTS;

    private final WinogradTiles tiles;
    private final WinogradKernel transform = new WinogradKernel();
    private final Kernels kernels;
    private final int chunkSamples;
    private final FMatrixRMaj[] u = matrices();
    /** U<sup>T</sup> (filters x channels) for the input gradient, transposed once a backward pass, not once a chunk. */
    private final FMatrixRMaj[] uTransposed = matrices();
    private final FMatrixRMaj[] du = matrices();
    private final FMatrixRMaj[] v = matrices();
    private final FMatrixRMaj[] m = matrices();
    private final float[][] uData = new float[E][];
    private final float[][] duData = new float[E][];
    private final float[][] vData = new float[E][];
    private final float[][] mData = new float[E][];
    private float[] band = new float[0];
    /** The last training pass's input, read again by backward; null after inference. */
    private FMatrixRMaj input;

    WinogradConvolution(WinogradTiles tiles, Kernels kernels) {
        this(tiles, kernels, CHUNK_FLOATS);
    }

    /** With chunks of at most {@code chunkFloats} floats of V and M a thread (at least one sample). */
    WinogradConvolution(WinogradTiles tiles, Kernels kernels, int chunkFloats) {
        this.tiles = tiles;
        this.kernels = kernels;
        long sampleFloats = (long) E * tiles.tiles() * (tiles.channels + tiles.filters);
        long samples = (long) chunkFloats * kernels.threads() / sampleFloats;
        this.chunkSamples = (int) Math.min(Integer.MAX_VALUE, Math.max(1, samples));
        for (int e = 0; e < E; e++) {
            u[e].reshape(tiles.channels, tiles.filters);
            uTransposed[e].reshape(tiles.filters, tiles.channels);
            du[e].reshape(tiles.channels, tiles.filters);
            uData[e] = u[e].data;
            duData[e] = du[e].data;
        }
    }

    /** Whether F(4x4, 3x3) computes this convolution: a 3x3 kernel, stride 1, no dilation. */
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
        transform.kernel(kernel.data, tiles.channels, tiles.filters, uData);
        int n = x.numRows;
        for (int first = 0; first < n; first += chunkSamples) {
            int count = Math.min(chunkSamples, n - first);
            layOut(count);
            kernels.winogradInput(x.data, first, count, tiles, vData, band);
            for (int e = 0; e < E; e++) {
                kernels.mult(v[e], u[e], m[e]);
            }
            kernels.winogradOutput(mData, first, count, tiles, z.data, band);
        }
        input = training ? x : null;
    }

    @Override
    public boolean holdsBatch(int samples) {
        return input != null && input.numRows == samples;
    }

    @Override
    public void backward(FMatrixRMaj dz, FMatrixRMaj kernel, FMatrixRMaj kernelGradient, FMatrixRMaj dx) {
        boolean kernelToo = kernelGradient != null;
        if (!kernelToo && dx == null) {
            return;
        }
        int n = dz.numRows;
        if (kernelToo && !holdsBatch(n)) {
            throw new IllegalStateException("Winograd backward over " + n
                    + " samples needs a training forward pass over them first");
        }
        if (dx != null) {
            for (int e = 0; e < E; e++) {
                CommonOps_FDRM.transpose(u[e], uTransposed[e]);
            }
        }
        for (int first = 0; first < n; first += chunkSamples) {
            int count = Math.min(chunkSamples, n - first);
            layOut(count);
            kernels.winogradOutputGradient(dz.data, first, count, tiles, mData, band);
            if (kernelToo) {
                kernels.winogradInput(input.data, first, count, tiles, vData, band);
            }
            // both products of an element one after the other, while its M and V are still in cache
            for (int e = 0; e < E; e++) {
                if (kernelToo) {
                    if (first == 0) {
                        kernels.multTransA(v[e], m[e], du[e]);
                    } else {
                        kernels.multAddTransA(v[e], m[e], du[e]);
                    }
                }
                if (dx != null) {
                    kernels.mult(m[e], uTransposed[e], v[e]);
                }
            }
            if (dx != null) {
                kernels.winogradInputGradient(vData, first, count, tiles, dx.data, band);
            }
        }
        if (kernelToo) {
            if (n == 0) {
                for (float[] d : duData) {
                    Arrays.fill(d, 0f);
                }
            }
            transform.kernelGradient(duData, tiles.channels, tiles.filters, kernelGradient.data);
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
