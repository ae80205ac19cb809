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
    private static final int SUMS_AND_DOTS = 2;
    private static final int CENTERED_DOTS = 3;
    private static final int AFFINE = 4;
    private static final int AFFINE_OF_TWO = 5;
    private static final int NORMALIZE = 6;
    private static final int NORMALIZE_RELU = 7;
    private static final int RELU_SUMS_AND_DOTS = 8;

    private final ColumnPasses passes;
    /** Null for one thread. */
    private final WorkerPool pool;
    private final int lanes;

    private int op;
    private float[] a;
    private float[] b;
    private float[] center;
    private float[] scale;
    /** The shift of {@link #AFFINE}, the scale of b in {@link #AFFINE_OF_TWO}, the output's scale in {@link #NORMALIZE}. */
    private float[] third;
    /** The output's shift in {@link #NORMALIZE}. */
    private float[] fourth;
    private int rows;
    private int cols;
    private float[] out;
    /** The dots of {@link #SUMS_AND_DOTS} and {@link #RELU_SUMS_AND_DOTS}, c of {@link #NORMALIZE}. */
    private float[] secondOut;
    /** The ReLU's output y of {@link #RELU_SUMS_AND_DOTS}; set before {@link #run}, which clears it with the rest. */
    private float[] reluOutput;
    /** The dx of {@link #RELU_SUMS_AND_DOTS}. */
    private float[] thirdOut;

    SplitColumns(ColumnPasses passes, WorkerPool pool, int lanes) {
        this.passes = passes;
        this.pool = pool;
        this.lanes = lanes;
    }

    void sums(float[] a, int rows, int cols, float[] sums) {
        run(SUMS, a, null, null, null, null, null, rows, cols, sums, null);
    }

    void dots(float[] a, float[] b, int rows, int cols, float[] dots) {
        run(DOTS, a, b, null, null, null, null, rows, cols, dots, null);
    }

    void sumsAndDots(float[] a, float[] b, int rows, int cols, float[] sums, float[] dots) {
        run(SUMS_AND_DOTS, a, b, null, null, null, null, rows, cols, sums, dots);
    }

    void reluSumsAndDots(float[] dy, float[] y, float[] b, int rows, int cols, float[] dx, float[] sums, float[] dots) {
        reluOutput = y;
        thirdOut = dx;
        run(RELU_SUMS_AND_DOTS, dy, b, null, null, null, null, rows, cols, sums, dots);
    }

    void centeredDots(float[] a, float[] center, int rows, int cols, float[] dots) {
        run(CENTERED_DOTS, a, null, center, null, null, null, rows, cols, dots, null);
    }

    void affine(float[] a, float[] center, float[] scale, float[] shift, int rows, int cols, float[] c) {
        run(AFFINE, a, null, center, scale, shift, null, rows, cols, c, null);
    }

    void affine(float[] a, float[] center, float[] scale, float[] b, float[] bScale, int rows, int cols, float[] c) {
        run(AFFINE_OF_TWO, a, b, center, scale, bScale, null, rows, cols, c, null);
    }

    void normalize(float[] a, float[] center, float[] scale, float[] outScale, float[] outShift, boolean relu, int rows,
            int cols, float[] normalized, float[] c) {
        run(relu ? NORMALIZE_RELU : NORMALIZE, a, null, center, scale, outScale, outShift, rows, cols, normalized, c);
    }

    private void run(int op, float[] a, float[] b, float[] center, float[] scale, float[] third, float[] fourth, int rows,
            int cols, float[] out, float[] secondOut) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.center = center;
        this.scale = scale;
        this.third = third;
        this.fourth = fourth;
        this.rows = rows;
        this.cols = cols;
        this.out = out;
        this.secondOut = secondOut;
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
            this.third = null;
            this.fourth = null;
            this.out = null;
            this.secondOut = null;
            this.reluOutput = null;
            this.thirdOut = null;
        }
    }

    private int parts() {
        if (pool == null || (long) rows * cols < MIN_PARALLEL_FLOATS) {
            return 1;
        }
        int units = reduces() ? cols / lanes : rows;
        return Math.max(1, Math.min(pool.inUse(), units));
    }

    private boolean reduces() {
        return op == SUMS || op == DOTS || op == SUMS_AND_DOTS || op == CENTERED_DOTS || op == RELU_SUMS_AND_DOTS;
    }

    /** Part {@code part} of {@code parts} of the pass in progress. */
    @Override
    public void run(int part, int parts) {
        if (reduces()) {
            int j0 = Partition.start(part, parts, cols, lanes);
            int j1 = Partition.start(part + 1, parts, cols, lanes);
            switch (op) {
                case SUMS -> passes.sums(a, rows, cols, j0, j1, out);
                case DOTS -> passes.dots(a, b, rows, cols, j0, j1, out);
                case SUMS_AND_DOTS -> passes.sumsAndDots(a, b, rows, cols, j0, j1, out, secondOut);
                case RELU_SUMS_AND_DOTS -> passes.reluSumsAndDots(a, reluOutput, b, rows, cols, j0, j1, thirdOut, out, secondOut);
                default -> passes.centeredDots(a, center, rows, cols, j0, j1, out);
            }
            return;
        }
        int r0 = Partition.start(part, parts, rows, 1);
        int r1 = Partition.start(part + 1, parts, rows, 1);
        switch (op) {
            case AFFINE -> passes.affine(a, center, scale, third, cols, r0, r1, out);
            case AFFINE_OF_TWO -> passes.affine(a, center, scale, b, third, cols, r0, r1, out);
            default -> passes.normalize(a, center, scale, third, fourth, op == NORMALIZE_RELU, cols, r0, r1, out, secondOut);
        }
    }
}
