package nn.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import nn.api.ByteOps;
import nn.api.ColumnOps;
import nn.api.Kernels;
import nn.api.ProductOps;
import nn.api.RangeTask;
import nn.api.ReluOps;
import nn.api.WindowOps;
import nn.api.WinogradOps;
import nn.api.WinogradTiles;
import org.ejml.data.FMatrixRMaj;

/**
 * {@link Kernels} on the JDK Vector API, named {@code vector}: register-tiled float products,
 * 150-200+ GFLOPS on one core with AVX-512 where EJML gives 5-8.
 *
 * <p><b>How.</b> All the products (and {@link #multAddTransA}) are computed as c(i,j) = sum over p of x(i,p) y(p,j) with y
 * row-major ({@link TiledProduct}): a tile of 4 rows by 3 vectors of c stays in 12 registers while
 * p runs over a block of k; each step loads 3 vectors of row p of y and broadcasts x(i,p) for 4
 * rows. For {@code mult} x is a; for {@code multTransA} x is a read down its columns;
 * {@code multTransB} first copies the smaller operand transposed into a scratch array, and if that
 * operand is a (a batch) it computes c<sup>T</sup> and copies it back transposed ({@link ProductCall}).
 * The fewer than one vector of columns at the right edge get one more tile, without masks.
 *
 * <p>The per-column passes ({@link #columnSums} and the like, for batch normalization) run with
 * lanes across columns ({@link VectorColumns}), so they equal {@link ColumnOps} bit for bit, on
 * the calling thread or, when large, cut between the threads ({@link SplitColumns}). The 2D window
 * passes ({@link VectorWindows}) and Winograd's transforms ({@link VectorWinograd}) take channels
 * as lanes and are cut between the threads by samples ({@link SplitWinograd}).
 *
 * <p><b>Reproducible.</b> Each output element is one chain of fused multiply-adds over p in
 * ascending order from 0 (from c's value for {@link #multAddTransA}), the same in every vector lane, so the bits depend neither on tiles and
 * blocks, nor on the vector width (128, 256 or 512 bits give the same result), nor on the number
 * of threads. They equal {@code acc = Math.fma(a, b, acc)} in a plain triple loop; they
 * differ from EJML (which rounds the product and the sum separately) by rounding only.
 *
 * <p><b>Threads.</b> {@link #withThreads(int)} gives an instance that owns n-1 daemon workers
 * ({@link WorkerPool}); each large product is cut into one block a thread, or, for
 * {@link #multGradients}, the two products run side by side ({@link SplitProducts}).
 * {@link #close()} stops the workers.
 *
 * <p><b>Not thread-safe:</b> an instance keeps its scratch arrays (grown on demand, so no
 * allocation once warm) and its workers for one caller at a time; give each thread its own.
 */
public final class VectorKernels implements Kernels {
    /**
     * Window passes over fewer floats than this (images, or rows of windows for im2col / col2im)
     * stay on the caller: handing a part over costs 10-20 us, a pass over 2^17 floats 20-30.
     */
    static final long MIN_PARALLEL_WINDOW_FLOATS = 1L << 17;

    private final VectorSpecies<Float> species;
    private final SplitColumns columns;
    private final BytePasses bytes;
    private final SplitRelu relu;
    private final SplitGather gather;
    private final WindowPasses windows;
    private final SplitWinograd winograd;
    private final WorkerPool pool;
    private final SplitProducts products;
    private final WindowCall window = new WindowCall();
    private final WindowCover cover = new WindowCover();
    private final WorkerPool.Task windowPart = this::windowPart;
    private final WorkerPool.Task rangePart = this::rangePart;
    /** The task of the {@link #forEachRange} call in progress, and its size. */
    private RangeTask rangeTask;
    private int rangeSize;

    /** One thread, the machine's preferred vector width. */
    public VectorKernels() {
        this(FloatVector.SPECIES_PREFERRED);
    }

    /** One thread, the given vector width (any species gives the same results, at its own speed). */
    public VectorKernels(VectorSpecies<Float> species) {
        this(species, 1);
    }

    /** {@code threads} threads (the caller and threads-1 workers) with the given vector width. */
    public VectorKernels(VectorSpecies<Float> species, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.species = species;
        this.bytes = Specializer.bytes(species);
        this.windows = Specializer.windows(species);
        this.pool = threads == 1 ? null : new WorkerPool(threads);
        this.columns = new SplitColumns(Specializer.columns(species), pool, species.length());
        this.relu = new SplitRelu(Specializer.relu(species), pool, species.length());
        this.gather = new SplitGather(bytes, pool);
        this.winograd = new SplitWinograd(Specializer.winograd(species), pool);
        this.products = new SplitProducts(Specializer.product(species), pool, species.length());
    }

    /** A new instance with the same vector width on {@code threads} threads, with a pool of its own. */
    public VectorKernels withThreads(int threads) {
        return new VectorKernels(species, threads);
    }

    public int threads() {
        return pool == null ? 1 : pool.size();
    }

    @Override
    public void useThreads(int threads) {
        Kernels.super.useThreads(threads);
        if (pool != null) {
            pool.use(threads);
        }
    }

    @Override
    public int threadsInUse() {
        return pool == null ? 1 : pool.inUse();
    }

    public VectorSpecies<Float> species() {
        return species;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        check("mult", a, b, c, k, b.numRows, m, n);
        products.run(products.first().mult(a.data, b.data, c.data, m, n, k));
    }

    @Override
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        transA("multTransA", a, b, c, false);
    }

    /** multTransA in blocks of rows, each handed to {@code rowsDone} while in cache (see {@link SplitProducts#runInRowBlocks}). */
    @Override
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, RangeTask rowsDone) {
        int m = a.numCols;
        int k = a.numRows;
        int n = b.numCols;
        check("multTransA", a, b, c, k, b.numRows, m, n);
        products.runInRowBlocks(products.first().multTransA(a.data, b.data, c.data, m, n, k, false), rowsDone);
    }

    /** c = c + a<sup>T</sup> b, each element's chain going on from c: pieces of rows sum to the whole product's bits. */
    @Override
    public void multAddTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        transA("multAddTransA", a, b, c, true);
    }

    private void transA(String op, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, boolean accumulate) {
        int m = a.numCols;
        int k = a.numRows;
        int n = b.numCols;
        check(op, a, b, c, k, b.numRows, m, n);
        products.run(products.first().multTransA(a.data, b.data, c.data, m, n, k, accumulate));
    }

    @Override
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        check("multTransB", a, b, c, k, b.numCols, m, n);
        products.run(products.first().multTransB(a.data, b.data, c.data, m, n, k));
    }

    /** Side by side on an even number of threads when both products are large (see {@link SplitProducts}). */
    @Override
    public void multGradients(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj dc, FMatrixRMaj da, FMatrixRMaj db) {
        ProductOps.checkGradients(a, b, dc, da, db);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        products.first().multTransB(dc.data, b.data, da.data, m, k, n);
        products.second().multTransA(a.data, dc.data, db.data, k, n, m, false);
        products.runBoth();
    }

    @Override
    public void columnSums(FMatrixRMaj a, float[] sums) {
        ColumnOps.checkSums(a, sums);
        columns.sums(a.data, a.numRows, a.numCols, sums);
    }

    @Override
    public void columnDots(FMatrixRMaj a, FMatrixRMaj b, float[] dots) {
        ColumnOps.checkDots(a, b, dots);
        columns.dots(a.data, b.data, a.numRows, a.numCols, dots);
    }

    @Override
    public void columnSumsAndDots(FMatrixRMaj a, FMatrixRMaj b, float[] sums, float[] dots) {
        ColumnOps.checkSumsAndDots(a, b, sums, dots);
        columns.sumsAndDots(a.data, b.data, a.numRows, a.numCols, sums, dots);
    }

    @Override
    public void columnCenteredDots(FMatrixRMaj a, float[] center, float[] dots) {
        ColumnOps.checkCenteredDots(a, center, dots);
        columns.centeredDots(a.data, center, a.numRows, a.numCols, dots);
    }

    @Override
    public void columnNormalize(FMatrixRMaj a, float[] center, float[] scale, float[] outScale, float[] outShift,
            FMatrixRMaj normalized, FMatrixRMaj c) {
        ColumnOps.checkNormalize("columnNormalize", a, center, scale, outScale, outShift, normalized, c);
        columns.normalize(a.data, center, scale, outScale, outShift, false, a.numRows, a.numCols, normalized.data, c.data);
    }

    @Override
    public void columnNormalizeRelu(FMatrixRMaj a, float[] center, float[] scale, float[] outScale, float[] outShift,
            FMatrixRMaj normalized, FMatrixRMaj c) {
        ColumnOps.checkNormalize("columnNormalizeRelu", a, center, scale, outScale, outShift, normalized, c);
        columns.normalize(a.data, center, scale, outScale, outShift, true, a.numRows, a.numCols, normalized.data, c.data);
    }

    @Override
    public void columnReluSumsAndDots(FMatrixRMaj dy, FMatrixRMaj y, FMatrixRMaj b, FMatrixRMaj dx, float[] sums,
            float[] dots) {
        ColumnOps.checkReluSumsAndDots(dy, y, b, dx, sums, dots);
        columns.reluSumsAndDots(dy.data, y.data, b.data, dy.numRows, dy.numCols, dx.data, sums, dots);
    }

    @Override
    public void columnAffine(FMatrixRMaj a, float[] center, float[] scale, float[] shift, FMatrixRMaj c) {
        ColumnOps.checkAffine(a, center, scale, shift, c);
        columns.affine(a.data, center, scale, shift, a.numRows, a.numCols, c.data);
    }

    @Override
    public void columnAffine(FMatrixRMaj a, float[] center, float[] scale, FMatrixRMaj b, float[] bScale, FMatrixRMaj c) {
        ColumnOps.checkAffine(a, center, scale, b, bScale, c);
        columns.affine(a.data, center, scale, b.data, bScale, a.numRows, a.numCols, c.data);
    }

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOffset, float divisor, float[] dst, int dstOffset, int length) {
        ByteOps.check(src, srcOffset, dst, dstOffset, length);
        bytes.unsignedToFloats(src, srcOffset, divisor, dst, dstOffset, length);
    }

    /** Rows touched, then converted as {@link #unsignedBytesToFloats} converts; cut by rows between the threads when large ({@link SplitGather}). */
    @Override
    public void gatherUnsignedBytes(byte[] src, int srcOffset, int rowLength, int[] rows, int from, int count, float divisor,
            float[] dst) {
        ByteOps.checkGather(src, srcOffset, rowLength, rows, from, count, dst);
        gather.gather(src, srcOffset, rowLength, rows, from, count, divisor, dst);
    }

    /** On the Vector API ({@link VectorRelu}), cut between the threads when large ({@link SplitRelu}). */
    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        ReluOps.check(y, dy, dx, n);
        relu.backward(y, dy, dx, n);
    }

    // ---- 2D windows (issue 15): max pooling, im2col, col2im; samples cut between the threads ----

    @Override
    public void windowMax(float[] x, int samples, int sampleSize, int[] offsets, int taps, int channels, float[] y) {
        WindowOps.checkMax(x, samples, sampleSize, offsets, taps, channels, y);
        runWindows(window.set(WindowCall.MAX, x, null, null, 0, samples, sampleSize, offsets, taps, channels, y));
    }

    @Override
    public void windowMaxGradient(float[] x, float[] y, float[] dy, int samples, int sampleSize, int[] offsets, int taps,
            int channels, float[] dx) {
        WindowOps.checkGradient(x, y, dy, samples, sampleSize, offsets, taps, channels, dx);
        runWindows(window.set(WindowCall.MAX_GRADIENT, x, y, dy, 0, samples, sampleSize, offsets, taps, channels, dx)
                .withCover(cover.of(offsets, sampleSize, channels)));
    }

    @Override
    public void windowGather(float[] x, int first, int count, int sampleSize, int[] offsets, int taps, int channels,
            float[] cols) {
        WindowOps.checkGather(x, first, count, sampleSize, offsets, taps, channels, cols);
        runWindows(window.set(WindowCall.GATHER, x, null, null, first, count, sampleSize, offsets, taps, channels, cols));
    }

    @Override
    public void windowScatter(float[] cols, int count, int sampleSize, int[] offsets, int taps, int channels, float[] dx) {
        WindowOps.checkGather(dx, 0, count, sampleSize, offsets, taps, channels, cols);
        runWindows(window.set(WindowCall.SCATTER, cols, null, null, 0, count, sampleSize, offsets, taps, channels, dx));
    }

    private void runWindows(WindowCall w) {
        try {
            // floats a pass reads or writes per sample: the image, or for im2col / col2im its windows' rows
            long perSample = w.op == WindowCall.GATHER || w.op == WindowCall.SCATTER ? (long) w.offsets.length * w.channels
                    : w.sampleSize;
            if (pool == null || w.samples < 2 || w.samples * perSample < MIN_PARALLEL_WINDOW_FLOATS) {
                windowPart(0, 1);
            } else {
                pool.run(windowPart, Math.min(pool.inUse(), w.samples));
            }
        } finally {
            w.clear();
        }
    }

    /** Samples of part t of parts of the current window call. */
    private void windowPart(int t, int parts) {
        WindowCall w = window;
        int from = w.first + Partition.start(t, parts, w.samples, 1);
        int to = w.first + Partition.start(t + 1, parts, w.samples, 1);
        switch (w.op) {
            case WindowCall.MAX -> windows.max(w.x, from, to, w.sampleSize, w.offsets, w.taps, w.channels, w.out);
            case WindowCall.MAX_GRADIENT ->
                    windows.maxGradient(w.x, w.y, w.dy, from, to, w.sampleSize, w.offsets, w.taps, w.channels, w.cover,
                            w.out);
            case WindowCall.GATHER -> windows.gather(w.x, w.first, from, to, w.sampleSize, w.offsets, w.channels, w.out);
            default -> windows.scatter(w.x, from, to, w.sampleSize, w.offsets, w.channels, w.out);
        }
    }

    // ---- Winograd's F(4x4, 3x3) (issue 15): samples cut between the threads ----

    @Override
    public void winogradInput(float[] x, int first, int count, WinogradTiles tiles, float[][] v, float[] band) {
        WinogradOps.checkInput(x, first, count, tiles, v, band);
        winograd.input(x, first, count, tiles, v, band);
    }

    @Override
    public void winogradOutput(float[][] m, int first, int count, WinogradTiles tiles, float[] z, float[] band) {
        WinogradOps.checkOutput(m, first, count, tiles, z, band);
        winograd.output(m, first, count, tiles, z, band);
    }

    @Override
    public void winogradOutputGradient(float[] dz, int first, int count, WinogradTiles tiles, float[][] m, float[] band) {
        WinogradOps.checkOutput(m, first, count, tiles, dz, band);
        winograd.outputGradient(dz, first, count, tiles, m, band);
    }

    @Override
    public void winogradInputGradient(float[][] dv, int first, int count, WinogradTiles tiles, float[] dx, float[] band) {
        WinogradOps.checkInput(dx, first, count, tiles, dv, band);
        winograd.inputGradient(dv, first, count, tiles, dx, band);
    }

    /** The arguments of the window call in progress, kept so that parts on other threads can read them. */
    private static final class WindowCall {
        static final int MAX = 0;
        static final int MAX_GRADIENT = 1;
        static final int GATHER = 2;
        static final int SCATTER = 3;
        int op;
        /** The input: x, or cols for {@link #SCATTER}. */
        float[] x;
        float[] y;
        float[] dy;
        /** The first sample (of x for {@link #GATHER}; else 0) and the number of samples. */
        int first;
        int samples;
        int sampleSize;
        int[] offsets;
        int taps;
        int channels;
        /** The windows' {@link WindowCover}, for {@link #MAX_GRADIENT}. */
        int cover;
        float[] out;

        WindowCall set(int op, float[] x, float[] y, float[] dy, int first, int samples, int sampleSize, int[] offsets,
                int taps, int channels, float[] out) {
            this.op = op;
            this.x = x;
            this.y = y;
            this.dy = dy;
            this.first = first;
            this.samples = samples;
            this.sampleSize = sampleSize;
            this.offsets = offsets;
            this.taps = taps;
            this.channels = channels;
            this.out = out;
            this.cover = WindowCover.OVERLAPPING;
            return this;
        }

        WindowCall withCover(int cover) {
            this.cover = cover;
            return this;
        }

        void clear() {
            x = null;
            y = null;
            dy = null;
            offsets = null;
            out = null;
        }
    }

    /** Cut into one range a thread, each of at least {@code minRange} indices; one range on the caller if smaller. */
    @Override
    public void forEachRange(int size, int minRange, RangeTask task) {
        if (size <= 0) {
            return;
        }
        int parts = pool == null ? 1 : (int) Math.min(pool.inUse(), size / Math.max(1, minRange));
        if (parts <= 1) {
            task.run(0, size);
            return;
        }
        if (rangeTask != null) {
            throw new IllegalStateException("forEachRange called from inside a forEachRange task of the same kernels");
        }
        rangeTask = task;
        rangeSize = size;
        try {
            pool.run(rangePart, parts);
        } finally {
            rangeTask = null;
        }
    }

    private void rangePart(int t, int parts) {
        rangeTask.run(Partition.start(t, parts, rangeSize, 1), Partition.start(t + 1, parts, rangeSize, 1));
    }

    /** Stops the worker threads, if any; the instance must not be used afterwards. Closing again does nothing. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "vector (" + species.vectorBitSize() + "-bit, " + threads() + (threads() == 1 ? " thread)" : " threads)");
    }

    private static void check(String op, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, int ka, int kb, int m, int n) {
        if (ka != kb) {
            throw new IllegalArgumentException(op + ": inner dimensions differ: a is " + a.numRows + "x" + a.numCols
                    + ", b is " + b.numRows + "x" + b.numCols);
        }
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException(op + ": c must be " + m + "x" + n + ", is " + c.numRows + "x" + c.numCols);
        }
        if (c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException(op + ": c must not share its array with a or b");
        }
    }
}
