package nn.kernels.vector;

/**
 * One product call of {@link VectorKernels} set up for {@link Product}: its operands, after the
 * operand that must be read transposed is copied out row-major into a scratch array of this call's
 * own, and where the result goes when it is computed transposed. {@code multTransB} copies the
 * smaller operand: b<sup>T</sup>, or, when a (a batch) is the smaller, it computes c<sup>T</sup> =
 * b a<sup>T</sup> and each block is copied back into c transposed. Reused from call to call (scratch
 * arrays grow on demand), so a warm call allocates nothing; two of them let two products run side
 * by side.
 */
final class ProductCall {
    final Operands operands = new Operands();
    private float[] packed = new float[0];
    private float[] transposed = new float[0];
    /** Where {@link #compute} copies its block transposed, or null. */
    private float[] transposeTarget;
    private int transposeTargetStride;

    /** c = a b, a being m x k. */
    ProductCall mult(float[] a, float[] b, float[] c, int m, int n, int k) {
        operands.set(a, k, 1, b, n, c, n, m, n, k);
        transposeTarget = null;
        return this;
    }

    /** c = a<sup>T</sup> b (added to c if {@code accumulate}), a being k x m. */
    ProductCall multTransA(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        operands.set(a, 1, m, b, n, c, n, m, n, k);
        if (accumulate) {
            operands.accumulating();
        }
        transposeTarget = null;
        return this;
    }

    /** c = a b<sup>T</sup>, a being m x k and b n x k. */
    ProductCall multTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        if ((long) n * k <= (long) m * k + (long) m * n) {
            // c = a (b^T), with b^T copied out row-major
            packed = grow(packed, k * n);
            Transpose.block(b, k, packed, n, 0, n, 0, k);
            return mult(a, packed, c, m, n, k);
        }
        // c^T = b (a^T), each block copied into c transposed: cheaper when a is the small one (a batch)
        packed = grow(packed, k * m);
        Transpose.block(a, k, packed, m, 0, m, 0, k);
        transposed = grow(transposed, n * m);
        mult(b, packed, transposed, n, m, k);
        transposeTarget = c;
        transposeTargetStride = n;
        return this;
    }

    /** Floating-point operations of the product: 2 m n k. */
    long flops() {
        return 2L * operands.m * operands.n * operands.k;
    }

    /** Computes rows i0 to i1 and columns j0 to j1 of the product as set (of c<sup>T</sup> if transposed). */
    void compute(Product product, int i0, int i1, int j0, int j1, TileScratch scratch) {
        product.compute(operands, i0, i1, j0, j1, scratch);
        if (transposeTarget != null) {
            Transpose.block(operands.c, operands.ldc, transposeTarget, transposeTargetStride, i0, i1, j0, j1);
        }
    }

    /** Drops the references to the caller's arrays once the call is done. */
    void clear() {
        operands.clear();
        transposeTarget = null;
    }

    private static float[] grow(float[] scratch, int size) {
        return scratch.length >= size ? scratch : new float[size];
    }
}
