package nn.kernels.vector;

/**
 * The per-column passes of {@link nn.api.Kernels} on raw row-major arrays ({@code rows x cols}),
 * with the results of {@link nn.api.ColumnOps} bit for bit: lanes are columns, so each column
 * still adds its rows in order, and each fused multiply-add is one here too.
 */
interface ColumnPasses {

    void sums(float[] a, int rows, int cols, float[] sums);

    void dots(float[] a, float[] b, int rows, int cols, float[] dots);

    /** c = fma(a - center, scale, shift) */
    void affine(float[] a, float[] center, float[] scale, float[] shift, int rows, int cols, float[] c);

    /** c = fma(b, bScale, (a - center) * scale) */
    void affine(float[] a, float[] center, float[] scale, float[] b, float[] bScale, int rows, int cols, float[] c);
}
