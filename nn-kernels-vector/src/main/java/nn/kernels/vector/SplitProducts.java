package nn.kernels.vector;

import nn.api.RangeTask;

/**
 * The products of {@link VectorKernels} on its threads. A product under {@link #MIN_PARALLEL_FLOPS}
 * runs on the caller alone; a larger one is cut into one block a thread: rows at multiples of 4
 * when each thread gets {@link #ROW_TILES_PER_PART} tiles of them, else columns at multiples of 3
 * vectors when wide enough, else rows. The caller computes the first block and the workers the
 * others (or the caller, if a worker is slow to come). Two independent products of about the same
 * size (a dense layer's two gradients) can instead run side by side, each on half the threads:
 * one hand-over for both, and blocks twice as large. Each element is computed whole by one thread,
 * so the bits are the same for any cut and any number of threads.
 */
final class SplitProducts {
    /**
     * Below this, handing parts to workers costs more than it saves. On an idle 2-vCPU machine,
     * splitting the products of a batch-32 tutorial step (1.3 to 15 M each) took an epoch on 2
     * threads from 0.72-0.81 s to 0.59-0.65 s against a 2^24 threshold, which kept them all whole;
     * under load from other processes (session 1) the same split had measured slower.
     */
    static final long MIN_PARALLEL_FLOPS = 1L << 20;
    /**
     * Row tiles a thread needs for a product to be cut by rows: threads then write rows of their
     * own, where column blocks shared every row's cache lines at the cut (false sharing made a
     * 1000 x 100 x 200 product slower on 2 threads than on 1).
     */
    static final int ROW_TILES_PER_PART = 8;

    /**
     * Floats of c a block of {@link #runInRowBlocks} holds at most for a product of depth k < 128
     * (see {@link #blockRows}): 32 KB, so the block is still in L1 when it is handed over.
     */
    static final int ROW_BLOCK_FLOATS = 8192;

    private final Product product;
    /** Null for one thread. */
    private final WorkerPool pool;
    /** Columns of a tile panel: 3 vectors. */
    private final int wide;
    /** Per part (so per thread at a time), for the tiles at the right edge. */
    private final TileScratch[] scratch;
    private final ProductCall first = new ProductCall();
    private final ProductCall second = new ProductCall();
    /** The call {@link #onePart} works on. */
    private ProductCall current;
    private final WorkerPool.Task onePart = this::onePart;
    private final WorkerPool.Task twoParts = this::twoParts;
    private final WorkerPool.Task rowBlockParts = this::rowBlockParts;
    /** What {@link #rowBlockParts} hands blocks of rows to. */
    private RangeTask rowsDone;

    SplitProducts(Product product, WorkerPool pool, int lanes) {
        this.product = product;
        this.pool = pool;
        this.wide = 3 * lanes;
        this.scratch = new TileScratch[pool == null ? 1 : pool.size()];
        for (int t = 0; t < scratch.length; t++) {
            scratch[t] = new TileScratch(lanes);
        }
    }

    /** The call to set up for {@link #run}, or the first of {@link #runBoth()}. */
    ProductCall first() {
        return first;
    }

    /** The second call of {@link #runBoth()}. */
    ProductCall second() {
        return second;
    }

    /**
     * Runs the products set up in {@link #first()} and {@link #second()}, which must not write
     * what the other reads: side by side when both would be cut anyway and the threads are even
     * (so both get as many), else one after the other (BENCHMARKS.md, issue 14 session 10: 11-22 %
     * faster for a dense layer's gradients on 2 threads).
     */
    void runBoth() {
        try {
            int threads = pool == null ? 1 : pool.inUse();
            if (threads % 2 != 0 || first.flops() < MIN_PARALLEL_FLOPS || second.flops() < MIN_PARALLEL_FLOPS) {
                run(first);
                run(second);
            } else {
                pool.run(twoParts, threads);
            }
        } finally {
            first.clear();
            second.clear();
        }
    }

    /** Runs {@code call}'s product, one of this instance's own calls (e.g. {@code run(first().mult(...))}). */
    void run(ProductCall call) {
        try {
            if (pool == null || call.flops() < MIN_PARALLEL_FLOPS) {
                block(call, 0, 1, scratch[0]);
            } else {
                current = call;
                pool.run(onePart, pool.inUse());
            }
        } finally {
            current = null;
            call.clear();
        }
    }

    /**
     * Runs {@code call}'s product in blocks of {@link #blockRows} rows, calling
     * {@code rowsDone} for each block as soon as it is computed, on the thread that computed it: a
     * product large enough to share is cut by rows, one range a thread (so each thread also hands
     * over the rows it made, while they are in its cache). The same bits as {@link #run}.
     */
    void runInRowBlocks(ProductCall call, RangeTask rowsDone) {
        try {
            int threads = pool == null ? 1 : pool.inUse();
            if (threads == 1 || call.flops() < MIN_PARALLEL_FLOPS || call.operands.m < 8 * threads) {
                rowBlocks(call, 0, call.operands.m, rowsDone, scratch[0]);
            } else {
                current = call;
                this.rowsDone = rowsDone;
                pool.run(rowBlockParts, threads);
            }
        } finally {
            current = null;
            this.rowsDone = null;
            call.clear();
        }
    }

    private void rowBlockParts(int t, int parts) {
        int m = current.operands.m;
        rowBlocks(current, Partition.start(t, parts, m, 8), Partition.start(t + 1, parts, m, 8), rowsDone, scratch[t]);
    }

    private void rowBlocks(ProductCall call, int i0, int i1, RangeTask rowsDone, TileScratch scratch) {
        int n = call.operands.n;
        int rows = blockRows(n, call.operands.k);
        for (int r0 = i0; r0 < i1; r0 += rows) {
            int r1 = Math.min(i1, r0 + rows);
            call.compute(product, r0, r1, 0, n, scratch);
            rowsDone.run(r0, r1);
        }
    }

    /**
     * Rows of a block of {@link #runInRowBlocks}: whole rows of at most {@link #ROW_BLOCK_FLOATS},
     * a multiple of 8, times k / 64 for deeper products, whose tiles would otherwise load y's
     * panels for too few rows (784 x 256 x 300 on this Xeon, one thread: 971 us in blocks of 24
     * rows against 931 whole; 891 against 897 in blocks of 96). The tutorial's first layer: 24 rows
     * at batch 32, 96 at batch 256.
     */
    static int blockRows(int n, int k) {
        return Math.max(8, ROW_BLOCK_FLOATS / Math.max(1, n) / 8 * 8) * Math.max(1, k / 64);
    }

    private void onePart(int t, int parts) {
        block(current, t, parts, scratch[t]);
    }

    private void twoParts(int t, int parts) {
        int half = parts / 2;
        if (t < half) {
            block(first, t, half, scratch[t]);
        } else {
            block(second, t - half, half, scratch[t]);
        }
    }

    /** Computes block t of parts of {@code call}'s product. */
    private void block(ProductCall call, int t, int parts, TileScratch scratch) {
        Operands o = call.operands;
        int i0 = 0;
        int i1 = o.m;
        int j0 = 0;
        int j1 = o.n;
        if (parts > 1) {
            if (o.m >= ROW_TILES_PER_PART * 4 * parts || (o.n < wide * parts && o.m >= 4 * parts)) {
                i0 = Partition.start(t, parts, o.m, 4);
                i1 = Partition.start(t + 1, parts, o.m, 4);
            } else {
                int unit = o.n >= wide * parts ? wide : 1;
                j0 = Partition.start(t, parts, o.n, unit);
                j1 = Partition.start(t + 1, parts, o.n, unit);
            }
        }
        call.compute(product, i0, i1, j0, j1, scratch);
    }
}
