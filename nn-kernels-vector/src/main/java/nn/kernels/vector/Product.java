package nn.kernels.vector;

/**
 * Computes a block of a product. Every element is the same chain of fused multiply-adds,
 * {@code acc = fma(x(i,p), y(p,j), acc)} for p = 0, 1, ..., k-1 from {@code acc = 0} (from
 * {@code acc = c(i,j)} when {@link Operands#accumulate}), whatever the block, tile or vector width:
 * that is what makes the results reproducible bit for bit.
 */
interface Product {

    /**
     * Writes c(i,j) for i0 &lt;= i &lt; i1 and j0 &lt;= j &lt; j1, using {@code scratch} (the
     * calling thread's own) as it likes.
     */
    void compute(Operands o, int i0, int i1, int j0, int j1, TileScratch scratch);
}
