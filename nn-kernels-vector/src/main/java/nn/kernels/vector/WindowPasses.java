package nn.kernels.vector;

/**
 * The window kernels of {@link nn.api.Kernels} (max pooling, im2col, col2im) on raw arrays, for the samples
 * [from, to) of a batch, with the results of {@link nn.api.WindowOps} bit for bit: lanes are
 * channels, so each output still takes its taps in order. Arguments are already checked.
 */
interface WindowPasses {

    void max(float[] x, int from, int to, int sampleSize, int[] offsets, int taps, int channels, float[] y);

    /**
     * Writes dx of samples [from, to) whole (zeros where no window routes a gradient); {@code cover}
     * is the windows' {@link WindowCover}.
     */
    void maxGradient(float[] x, float[] y, float[] dy, int from, int to, int sampleSize, int[] offsets, int taps,
            int channels, int cover, float[] dx);

    /** The rows of samples [from, to) of {@code windowGather(x, first, ...)}: cols row 0 is sample first's. */
    void gather(float[] x, int first, int from, int to, int sampleSize, int[] offsets, int channels, float[] cols);

    /** dx of samples [from, to) of {@code windowScatter}, written whole. */
    void scatter(float[] cols, int from, int to, int sampleSize, int[] offsets, int channels, float[] dx);
}
