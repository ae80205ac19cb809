package nn.kernels.vector;

/**
 * One product in the form every {@link Product} computes: c(i,j) = sum over p of x(i,p) y(p,j)
 * (added to c's value when {@link #accumulate}),
 * for i &lt; m, j &lt; n, p &lt; k. x is read one element at a time through two strides, so it can be
 * a matrix or a transposed one; y and c are row-major with their own row lengths. Mutable and
 * reused from call to call so that a product allocates nothing.
 */
final class Operands {
    float[] x;
    int xRowStride;
    int xColStride;
    float[] y;
    int ldy;
    float[] c;
    int ldc;
    int m;
    int n;
    int k;
    /** Whether each element's chain starts from c's value instead of 0 ({@code multAddTransA}). */
    boolean accumulate;

    Operands set(float[] x, int xRowStride, int xColStride, float[] y, int ldy, float[] c, int ldc,
            int m, int n, int k) {
        this.x = x;
        this.xRowStride = xRowStride;
        this.xColStride = xColStride;
        this.y = y;
        this.ldy = ldy;
        this.c = c;
        this.ldc = ldc;
        this.m = m;
        this.n = n;
        this.k = k;
        this.accumulate = false;
        return this;
    }

    /** These operands with c added to: each element's chain goes on from c. */
    Operands accumulating() {
        accumulate = true;
        return this;
    }

    /** Drops the references to the caller's arrays once a product is done. */
    void clear() {
        x = null;
        y = null;
        c = null;
    }
}
