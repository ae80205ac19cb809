package nn.kernels.vector;

/**
 * The per-column passes of {@link nn.api.Kernels} on raw row-major arrays ({@code rows x cols}),
 * with the results of {@link nn.api.ColumnOps} bit for bit: lanes are columns, so each column
 * still adds its rows in order, and each fused multiply-add is one here too. Each pass covers a
 * range, so that threads can share one: the reductions a range of columns (starting at a multiple
 * of the vector length), the elementwise passes a range of rows.
 */
interface ColumnPasses {

    /** sums[j] = sum over rows of a(row, j), for j0 &lt;= j &lt; j1. */
    void sums(float[] a, int rows, int cols, int j0, int j1, float[] sums);

    /** dots[j] = sum over rows of a(row, j) b(row, j), for j0 &lt;= j &lt; j1. */
    void dots(float[] a, float[] b, int rows, int cols, int j0, int j1, float[] dots);

    /** sums and dots of a and b together, for j0 &lt;= j &lt; j1. */
    void sumsAndDots(float[] a, float[] b, int rows, int cols, int j0, int j1, float[] sums, float[] dots);

    /** dots[j] = sum over rows of fma(d, d, .) with d = a(row, j) - center[j], for j0 &lt;= j &lt; j1. */
    void centeredDots(float[] a, float[] center, int rows, int cols, int j0, int j1, float[] dots);

    /**
     * dx = the ReLU's backward pass of dy by y, with sums and dots of dx and b as {@link #sumsAndDots}
     * gives them, for j0 &lt;= j &lt; j1.
     */
    void reluSumsAndDots(float[] dy, float[] y, float[] b, int rows, int cols, int j0, int j1, float[] dx, float[] sums,
            float[] dots);

    /**
     * normalized = fma(a - center, scale, 0), c = fma(normalized, outScale, outShift), then
     * c = max(c, 0) if {@code relu}, rows r0 to r1 - 1.
     */
    void normalize(float[] a, float[] center, float[] scale, float[] outScale, float[] outShift, boolean relu, int cols,
            int r0, int r1, float[] normalized, float[] c);

    /** c = fma(a - center, scale, shift), rows r0 to r1 - 1. */
    void affine(float[] a, float[] center, float[] scale, float[] shift, int cols, int r0, int r1, float[] c);

    /** c = fma(b, bScale, (a - center) * scale), rows r0 to r1 - 1. */
    void affine(float[] a, float[] center, float[] scale, float[] b, float[] bScale, int cols, int r0, int r1, float[] c);
}
