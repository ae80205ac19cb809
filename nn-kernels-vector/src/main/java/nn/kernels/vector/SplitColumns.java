package nn.kernels.vector;

/**
 * The per-column passes of {@link VectorKernels}, cut between the threads of a pool when they
 * are large: the reductions (sums, dots) by columns, at multiples of the vector length, the
 * elementwise (affine) passes by rows. Every column is still summed over its rows in order on one
 * thread, and every element computed alone, so any cut gives the same bits as one thread.
 */
final class SplitColumns implements WorkerPool.Task {
    /**
     * Passes over fewer floats than this stay on the caller. A pass streams about 10 floats a
     * nanosecond, so 2^15 floats take 3-5 us, about what handing over a part costs.
     */
    static final long MIN_PARALLEL_FLOATS = 1L << 15;

    private static final int SUMS = 0;
    private static final int DOTS = 1;
    private static final int AFFINE = 2;
    private static final int AFFINE_OF_TWO = 3;

    private final ColumnPasses passes;
    /** Null for one thread. */
    private final WorkerPool pool;
    private final int lanes;

    private int op;
    private float[] a;
    private float[] b;
    private float[] center;
    private float[] scale;
    /** The shift of {@link #AFFINE}, or the scale of b in {@link #AFFINE_OF_TWO}. */
    private float[] bScaleOrShift;
    private int rows;
    private int cols;
    private float[] out;

    SplitColumns(ColumnPasses passes, WorkerPool pool, int lanes) {
        this.passes = passes;
        this.pool = pool;
        this.lanes = lanes;
    }

    void sums(float[] a, int rows, int cols, float[] sums) {
        run(SUMS, a, null, null, null, null, rows, cols, sums);
    }

    void dots(float[] a, float[] b, int rows, int cols, float[] dots) {
        run(DOTS, a, b, null, null, null, rows, cols, dots);
    }

    void affine(float[] a, float[] center, float[] scale, float[] shift, int rows, int cols, float[] c) {
        run(AFFINE, a, null, center, scale, shift, rows, cols, c);
    }

    void affine(float[] a, float[] center, float[] scale, float[] b, float[] bScale, int rows, int cols, float[] c) {
        run(AFFINE_OF_TWO, a, b, center, scale, bScale, rows, cols, c);
    }

    private void run(int op, float[] a, float[] b, float[] center, float[] scale, float[] bScaleOrShift, int rows,
            int cols, float[] out) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.center = center;
        this.scale = scale;
        this.bScaleOrShift = bScaleOrShift;
        this.rows = rows;
        this.cols = cols;
        this.out = out;
        try {
            int parts = parts();
            if (parts == 1) {
                run(0, 1);
            } else {
                pool.run(this, parts);
            }
        } finally {
            this.a = null;
            this.b = null;
            this.center = null;
            this.scale = null;
            this.bScaleOrShift = null;
            this.out = null;
        }
    }

    private int parts() {
        if (pool == null || (long) rows * cols < MIN_PARALLEL_FLOATS) {
            return 1;
        }
        int units = reduces() ? cols / lanes : rows;
        return Math.max(1, Math.min(pool.threads(), units));
    }

    private boolean reduces() {
        return op == SUMS || op == DOTS;
    }

    /** Part {@code part} of {@code parts} of the pass in progress. */
    @Override
    public void run(int part, int parts) {
        if (reduces()) {
            int j0 = Partition.start(part, parts, cols, lanes);
            int j1 = Partition.start(part + 1, parts, cols, lanes);
            if (op == SUMS) {
                passes.sums(a, rows, cols, j0, j1, out);
            } else {
                passes.dots(a, b, rows, cols, j0, j1, out);
            }
            return;
        }
        int r0 = Partition.start(part, parts, rows, 1);
        int r1 = Partition.start(part + 1, parts, rows, 1);
        if (op == AFFINE) {
            passes.affine(a, center, scale, bScaleOrShift, cols, r0, r1, out);
        } else {
            passes.affine(a, center, scale, b, bScaleOrShift, cols, r0, r1, out);
        }
    }
}
