package nn.kernels.vector;

/**
 * {@link VectorKernels#reluBackward} cut between the threads of a pool, at least
 * {@link SplitColumns#MIN_PARALLEL_FLOATS} elements a part, at multiples of the vector length: each
 * element is computed alone, so any cut gives the same bits as one thread.
 */
final class SplitRelu implements WorkerPool.Task {
    private final ReluPasses passes;
    /** Null for one thread. */
    private final WorkerPool pool;
    private final int lanes;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private int n;

    SplitRelu(ReluPasses passes, WorkerPool pool, int lanes) {
        this.passes = passes;
        this.pool = pool;
        this.lanes = lanes;
    }

    /** The pass over {@code n} elements; arguments already checked. */
    void backward(float[] y, float[] dy, float[] dx, int n) {
        int parts = pool == null ? 1 : (int) Math.min(pool.inUse(), Math.max(1, n / SplitColumns.MIN_PARALLEL_FLOATS));
        if (parts == 1) {
            passes.backward(y, dy, dx, 0, n);
            return;
        }
        this.y = y;
        this.dy = dy;
        this.dx = dx;
        this.n = n;
        try {
            pool.run(this, parts);
        } finally {
            this.y = null;
            this.dy = null;
            this.dx = null;
        }
    }

    @Override
    public void run(int t, int parts) {
        passes.backward(y, dy, dx, Partition.start(t, parts, n, lanes), Partition.start(t + 1, parts, n, lanes));
    }
}
