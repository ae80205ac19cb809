package nn.kernels.vector;

/**
 * {@link VectorKernels#gatherUnsignedBytes} cut by rows between the threads of a pool, at
 * multiples of 4 rows as the products cut a batch, so each thread converts the rows its part of
 * the first layer's product reads. A part first reads one byte of each cache line its rows span,
 * line by line across the rows, so that all their misses are under way at once, and then converts
 * the rows from the cache: shuffled rows are scattered over the whole data set (Fashion-MNIST's
 * 47 MB of pixels), and converting 256 of them cold took 160-175 us against 40 + 23 us touched
 * first (this Zen 5 VM, 16 MB written between batches).
 */
final class SplitGather implements WorkerPool.Task {
    /** Bytes a part converts at least: what one thread does in about a microsecond. */
    static final long MIN_PART_BYTES = 1L << 15;
    private static final int LINE = 64;

    private final BytePasses passes;
    /** Null for one thread. */
    private final WorkerPool pool;
    /** Per part: what its touches read, kept so that the JIT keeps the reads; a line apart. */
    private final int[] touched;
    private byte[] src;
    private int srcOffset;
    private int rowLength;
    private int[] rows;
    private int from;
    private int count;
    private float divisor;
    private float[] dst;

    SplitGather(BytePasses passes, WorkerPool pool) {
        this.passes = passes;
        this.pool = pool;
        this.touched = new int[(pool == null ? 1 : pool.size()) * 16];
    }

    /** The gather; arguments already checked. */
    void gather(byte[] src, int srcOffset, int rowLength, int[] rows, int from, int count, float divisor, float[] dst) {
        long bytes = (long) count * rowLength;
        int parts = pool == null ? 1 : (int) Math.min(pool.inUse(), Math.max(1, Math.min(count / 4, bytes / MIN_PART_BYTES)));
        this.src = src;
        this.srcOffset = srcOffset;
        this.rowLength = rowLength;
        this.rows = rows;
        this.from = from;
        this.count = count;
        this.divisor = divisor;
        this.dst = dst;
        try {
            if (parts == 1) {
                run(0, 1);
            } else {
                pool.run(this, parts);
            }
        } finally {
            this.src = null;
            this.rows = null;
            this.dst = null;
        }
    }

    /** Part t of parts: its rows touched line by line across them, then converted. */
    @Override
    public void run(int t, int parts) {
        int q0 = Partition.start(t, parts, count, 4);
        int q1 = Partition.start(t + 1, parts, count, 4);
        if (rowLength == 0) {
            return;
        }
        int sum = 0;
        for (int line = 0; line < rowLength; line += LINE) {
            for (int q = q0; q < q1; q++) {
                sum += src[rowStart(q) + line];
            }
        }
        for (int q = q0; q < q1; q++) {
            sum += src[rowStart(q) + rowLength - 1];
        }
        touched[16 * t] = sum;
        for (int q = q0; q < q1; q++) {
            passes.unsignedToFloats(src, rowStart(q), divisor, dst, q * rowLength, rowLength);
        }
    }

    /** Where row q of the batch starts in src. */
    private int rowStart(int q) {
        return srcOffset + rows[from + q] * rowLength;
    }
}
