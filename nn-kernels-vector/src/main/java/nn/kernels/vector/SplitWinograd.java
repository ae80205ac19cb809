package nn.kernels.vector;

import nn.api.WinogradOps;
import nn.api.WinogradTiles;

/**
 * The Winograd passes of {@link VectorKernels}, cut between the threads of a pool by samples when
 * they are large. Each sample is transformed whole by one thread in the reference's order, so any
 * cut gives the same bits as one thread.
 */
final class SplitWinograd implements WorkerPool.Task {
    private static final int INPUT = 0;
    private static final int OUTPUT = 1;
    private static final int OUTPUT_GRADIENT = 2;
    private static final int INPUT_GRADIENT = 3;

    private final WinogradPasses passes;
    /** Null for one thread. */
    private final WorkerPool pool;

    private int op;
    private float[] image;
    private float[][] matrices;
    private int first;
    private int count;
    private WinogradTiles tiles;
    private float[] band;

    SplitWinograd(WinogradPasses passes, WorkerPool pool) {
        this.passes = passes;
        this.pool = pool;
    }

    void input(float[] x, int first, int count, WinogradTiles tiles, float[][] v, float[] band) {
        run(INPUT, x, v, first, count, tiles, band);
    }

    void output(float[][] m, int first, int count, WinogradTiles tiles, float[] z, float[] band) {
        run(OUTPUT, z, m, first, count, tiles, band);
    }

    void outputGradient(float[] dz, int first, int count, WinogradTiles tiles, float[][] m, float[] band) {
        run(OUTPUT_GRADIENT, dz, m, first, count, tiles, band);
    }

    void inputGradient(float[][] dv, int first, int count, WinogradTiles tiles, float[] dx, float[] band) {
        run(INPUT_GRADIENT, dx, dv, first, count, tiles, band);
    }

    private void run(int op, float[] image, float[][] matrices, int first, int count, WinogradTiles tiles, float[] band) {
        this.op = op;
        this.image = image;
        this.matrices = matrices;
        this.first = first;
        this.count = count;
        this.tiles = tiles;
        this.band = band;
        try {
            long floats = (long) count * tiles.tiles() * (tiles.channels + tiles.filters) * WinogradOps.ELEMENTS;
            if (pool == null || count < 2 || floats < SplitColumns.MIN_PARALLEL_FLOATS) {
                run(0, 1);
            } else {
                pool.run(this, Math.min(pool.inUse(), count));
            }
        } finally {
            this.image = null;
            this.matrices = null;
            this.tiles = null;
            this.band = null;
        }
    }

    /** Part {@code part} of {@code parts} of the pass in progress: a share of the samples. */
    @Override
    public void run(int part, int parts) {
        int from = Partition.start(part, parts, count, 1);
        int to = Partition.start(part + 1, parts, count, 1);
        switch (op) {
            case INPUT -> passes.input(image, first, from, to, tiles, matrices, band);
            case OUTPUT -> passes.output(matrices, first, from, to, tiles, image, band);
            case OUTPUT_GRADIENT -> passes.outputGradient(image, first, from, to, tiles, matrices, band);
            default -> passes.inputGradient(matrices, first, from, to, tiles, image, band);
        }
    }
}
