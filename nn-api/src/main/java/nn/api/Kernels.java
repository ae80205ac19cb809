package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * The matrix products and per-column passes (the channels of batch normalization) a layer needs,
 * behind one seam so that a faster implementation can replace the EJML reference
 * ({@link EjmlKernels}) without touching any layer. Implementations are found with {@link java.util.ServiceLoader}. The output is the last argument and must already have the
 * right size; it must not alias an input unless said. Nothing is allocated. The per-column passes,
 * the byte conversion, the 2D window passes and the Winograd passes have plain-Java defaults
 * ({@link ColumnOps}, {@link ByteOps}, {@link WindowOps}, {@link WinogradOps}), whose results a
 * faster implementation must equal bit for bit.
 *
 * <p>Kernels that own threads stop them in {@link #close()}; closing twice is harmless, and the
 * single-threaded ones (the EJML reference) close as a no-op.
 */
public interface Kernels extends AutoCloseable {

    /** Name used to choose an implementation, e.g. {@code ejml}. */
    String name();

    /** c = a * b */
    void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** c = a<sup>T</sup> * b */
    void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /**
     * {@link #multTransA}, calling {@code rowsDone.run(from, to)} as soon as rows {@code from} to
     * {@code to - 1} of c are final: disjoint ranges that cover every row, possibly on several of
     * these kernels' threads at once (so {@code rowsDone} must not call these kernels). A caller can
     * then use each block of rows while it is in cache ({@link EarlyUpdates}). By default the whole
     * product, then one call.
     */
    default void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, RangeTask rowsDone) {
        multTransA(a, b, c);
        rowsDone.run(0, c.numRows);
    }

    /** c = a * b<sup>T</sup> */
    void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /**
     * c = c + a<sup>T</sup> * b, going on with each element's sum from c in the order of
     * {@link #multTransA}, so that a sum over the rows of a and b cut into pieces (the first by
     * multTransA, the others by this) equals multTransA of the whole bit for bit. By default
     * {@link ProductOps#multAddTransA}, which does that for EJML's order; kernels with another
     * order override it (VectorKernels: each element's chain of fused multiply-adds goes on).
     */
    default void multAddTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        ProductOps.multAddTransA(a, b, c);
    }

    /**
     * The gradients of c = a * b: da = dc * b<sup>T</sup> and db = a<sup>T</sup> * dc, bit for bit
     * what {@link #multTransB}{@code (dc, b, da)} and {@link #multTransA}{@code (a, dc, db)} give (a
     * dense layer's input and kernel gradients). One call, so that kernels with threads may run the
     * two products side by side instead of cutting each in turn. By default one after the other.
     * Shapes and arrays are checked as in {@link ProductOps#checkGradients}.
     */
    default void multGradients(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj dc, FMatrixRMaj da, FMatrixRMaj db) {
        ProductOps.checkGradients(a, b, dc, da, db);
        multTransB(dc, b, da);
        multTransA(a, dc, db);
    }

    /** sums[j] = sum of column j of a; see {@link ColumnOps#columnSums} for the exact order. */
    default void columnSums(FMatrixRMaj a, float[] sums) {
        ColumnOps.columnSums(a, sums);
    }

    /** dots[j] = sum over i of a(i,j) b(i,j); see {@link ColumnOps#columnDots}. */
    default void columnDots(FMatrixRMaj a, FMatrixRMaj b, float[] dots) {
        ColumnOps.columnDots(a, b, dots);
    }

    /** {@link #columnSums} of a and {@link #columnDots} of a and b in one pass; see {@link ColumnOps#columnSumsAndDots}. */
    default void columnSumsAndDots(FMatrixRMaj a, FMatrixRMaj b, float[] sums, float[] dots) {
        ColumnOps.columnSumsAndDots(a, b, sums, dots);
    }

    /** dots[j] = sum over i of (a(i,j) - center[j])<sup>2</sup>; see {@link ColumnOps#columnCenteredDots}. */
    default void columnCenteredDots(FMatrixRMaj a, float[] center, float[] dots) {
        ColumnOps.columnCenteredDots(a, center, dots);
    }

    /**
     * normalized = (a - center) * scale and c = normalized * outScale + outShift per column, in one
     * pass; see {@link ColumnOps#columnNormalize}.
     */
    default void columnNormalize(FMatrixRMaj a, float[] center, float[] scale, float[] outScale, float[] outShift,
            FMatrixRMaj normalized, FMatrixRMaj c) {
        ColumnOps.columnNormalize(a, center, scale, outScale, outShift, normalized, c);
    }

    /**
     * {@link #columnNormalize}, then c = max(c, 0): batch normalization and the ReLU after it in one
     * pass; see {@link ColumnOps#columnNormalizeRelu}.
     */
    default void columnNormalizeRelu(FMatrixRMaj a, float[] center, float[] scale, float[] outScale, float[] outShift,
            FMatrixRMaj normalized, FMatrixRMaj c) {
        ColumnOps.columnNormalizeRelu(a, center, scale, outScale, outShift, normalized, c);
    }

    /**
     * dx = the ReLU's backward pass of dy by its output y, with {@link #columnSumsAndDots} of dx and
     * b, in one pass; dx may be dy. See {@link ColumnOps#columnReluSumsAndDots}.
     */
    default void columnReluSumsAndDots(FMatrixRMaj dy, FMatrixRMaj y, FMatrixRMaj b, FMatrixRMaj dx, float[] sums,
            float[] dots) {
        ColumnOps.columnReluSumsAndDots(dy, y, b, dx, sums, dots);
    }

    /** c(i,j) = (a(i,j) - center[j]) * scale[j] + shift[j]; c may be a. See {@link ColumnOps}. */
    default void columnAffine(FMatrixRMaj a, float[] center, float[] scale, float[] shift, FMatrixRMaj c) {
        ColumnOps.columnAffine(a, center, scale, shift, c);
    }

    /** c(i,j) = (a(i,j) - center[j]) * scale[j] + b(i,j) * bScale[j]; c may be a or b. See {@link ColumnOps}. */
    default void columnAffine(FMatrixRMaj a, float[] center, float[] scale, FMatrixRMaj b, float[] bScale, FMatrixRMaj c) {
        ColumnOps.columnAffine(a, center, scale, b, bScale, c);
    }

    /** dst[dstOffset + i] = (src[srcOffset + i] &amp; 0xFF) / divisor for i &lt; length; see {@link ByteOps}. */
    default void unsignedBytesToFloats(byte[] src, int srcOffset, float divisor, float[] dst, int dstOffset, int length) {
        ByteOps.unsignedBytesToFloats(src, srcOffset, divisor, dst, dstOffset, length);
    }

    /**
     * Gathers rows of bytes as floats, as {@link #unsignedBytesToFloats} converts them: for q &lt; count,
     * the {@code rowLength} values from {@code dst[q * rowLength]} are those of the bytes from
     * {@code src[srcOffset + rows[from + q] * rowLength]}, e.g. a shuffled batch of stored pixels.
     * Kernels with threads may cut the rows between them. See {@link ByteOps}.
     */
    default void gatherUnsignedBytes(byte[] src, int srcOffset, int rowLength, int[] rows, int from, int count, float divisor,
            float[] dst) {
        ByteOps.gatherUnsignedBytes(src, srcOffset, rowLength, rows, from, count, divisor, dst);
    }

    /**
     * The ReLU's backward pass from its output, dx[i] = y[i] &gt; 0 ? dy[i] : +0 for i &lt; n, bit for
     * bit as {@link ReluOps} (which says what NaNs give); dx may be dy. Kernels with threads may cut it between them. By default
     * {@link ReluOps} on the caller.
     */
    default void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        ReluOps.check(y, dy, dx, n);
        ReluOps.backward(y, dy, dx, 0, n);
    }

    /**
     * These kernels on {@code threads} threads of their own. Results must be bitwise identical
     * whatever the thread count (a fixed split of the output, a fixed order of operations for each
     * element). Single-threaded implementations return themselves.
     */
    default Kernels withThreads(int threads) {
        if (threads <= 0) {
            throw new NnException("kernels " + name() + ": threads must be a positive number, got " + threads);
        }
        return this;
    }

    /** How many threads these kernels have (the most {@link #useThreads} allows). */
    default int threads() {
        return 1;
    }

    /**
     * Lets the calls that follow use only {@code threads} of these kernels' {@link #threads()}: the
     * results are the same bits on any count, only the time differs (on a shared machine two cores
     * may for minutes hand data to each other so slowly that one thread is faster). By default
     * there is nothing to limit.
     */
    default void useThreads(int threads) {
        if (threads < 1 || threads > threads()) {
            throw new NnException("kernels " + name() + ": threads in use must be from 1 to " + threads() + ", got " + threads);
        }
    }

    /** The threads the calls use now: {@link #threads()} unless {@link #useThreads} asked for fewer. */
    default int threadsInUse() {
        return threads();
    }

    /**
     * Runs {@code task} over the indices 0 to {@code size - 1}, cut into ranges of at least
     * {@code minRange} indices (or one range, if smaller), each index in exactly one range, on these
     * kernels' threads; returns when all are done, or throws what a range threw. For elementwise
     * work such as an optimizer's update: the task must give the same result for any cut, may run
     * on several threads at once for disjoint ranges (so it writes no shared fields), and must not
     * call these kernels (refused where they have threads). By default the whole range, on the caller.
     */
    default void forEachRange(int size, int minRange, RangeTask task) {
        if (size > 0) {
            task.run(0, size);
        }
    }

    /** Stops the threads these kernels own, if any; they must not be used afterwards. Closing again does nothing. */
    @Override
    default void close() {
    }

    // ---- 2D windows (issue 15, nn-layers-conv): max pooling, im2col and col2im; plain-Java reference WindowOps ----

    /**
     * y = the largest value of each window of each sample, per channel; the window table and the
     * exact order are {@link WindowOps#windowMax}'s, whose bits a faster implementation must equal.
     */
    default void windowMax(float[] x, int samples, int sampleSize, int[] offsets, int taps, int channels, float[] y) {
        WindowOps.windowMax(x, samples, sampleSize, offsets, taps, channels, y);
    }

    /** dx = the gradient of {@link #windowMax} for the output gradient dy; see {@link WindowOps#windowMaxGradient}. */
    default void windowMaxGradient(float[] x, float[] y, float[] dy, int samples, int sampleSize, int[] offsets, int taps,
            int channels, float[] dx) {
        WindowOps.windowMaxGradient(x, y, dy, samples, sampleSize, offsets, taps, channels, dx);
    }

    /** cols = the windows of samples [first, first + count) of x as rows (im2col); see {@link WindowOps#windowGather}. */
    default void windowGather(float[] x, int first, int count, int sampleSize, int[] offsets, int taps, int channels,
            float[] cols) {
        WindowOps.windowGather(x, first, count, sampleSize, offsets, taps, channels, cols);
    }

    /** dx = the transpose of {@link #windowGather} applied to cols (col2im); see {@link WindowOps#windowScatter}. */
    default void windowScatter(float[] cols, int count, int sampleSize, int[] offsets, int taps, int channels, float[] dx) {
        WindowOps.windowScatter(cols, count, sampleSize, offsets, taps, channels, dx);
    }

    // ---- Winograd's F(4x4, 3x3) (issue 15, nn-layers-conv): the data passes; plain-Java reference WinogradOps ----

    /**
     * Rows [0, count x tiles) of each v[&#958;] = B<sup>T</sup> d B of the tiles of samples
     * [first, first + count) of x; see {@link WinogradOps}.
     */
    default void winogradInput(float[] x, int first, int count, WinogradTiles tiles, float[][] v, float[] band) {
        WinogradOps.winogradInput(x, first, count, tiles, v, band);
    }

    /** Samples [first, first + count) of z = A<sup>T</sup> m A of rows [0, count x tiles) of m; see {@link WinogradOps}. */
    default void winogradOutput(float[][] m, int first, int count, WinogradTiles tiles, float[] z, float[] band) {
        WinogradOps.winogradOutput(m, first, count, tiles, z, band);
    }

    /**
     * Rows [0, count x tiles) of m = A dy A<sup>T</sup> of samples [first, first + count) of the
     * output gradient dz; see {@link WinogradOps}.
     */
    default void winogradOutputGradient(float[] dz, int first, int count, WinogradTiles tiles, float[][] m,
            float[] band) {
        WinogradOps.winogradOutputGradient(dz, first, count, tiles, m, band);
    }

    /**
     * dx = the sum over the tiles of B dv B<sup>T</sup>, samples [first, first + count) written
     * whole; see {@link WinogradOps}.
     */
    default void winogradInputGradient(float[][] dv, int first, int count, WinogradTiles tiles, float[] dx,
            float[] band) {
        WinogradOps.winogradInputGradient(dv, first, count, tiles, dx, band);
    }
}
