package nn.kernels.vector;

/** Copies a block of a row-major matrix transposed into another. */
final class Transpose {
    private static final int BLOCK = 16;

    private Transpose() {
    }

    /**
     * dst[c * ldd + r] = src[r * lds + c] for r0 &lt;= r &lt; r1 and c0 &lt;= c &lt; c1, in square blocks
     * so that both sides stay in cache.
     */
    static void block(float[] src, int lds, float[] dst, int ldd, int r0, int r1, int c0, int c1) {
        for (int rb = r0; rb < r1; rb += BLOCK) {
            int re = Math.min(rb + BLOCK, r1);
            for (int cb = c0; cb < c1; cb += BLOCK) {
                int ce = Math.min(cb + BLOCK, c1);
                for (int r = rb; r < re; r++) {
                    for (int c = cb, s = r * lds + cb; c < ce; c++, s++) {
                        dst[c * ldd + r] = src[s];
                    }
                }
            }
        }
    }
}
