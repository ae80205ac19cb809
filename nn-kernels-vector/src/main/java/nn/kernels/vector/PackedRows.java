package nn.kernels.vector;

/**
 * Rows i0 to i1 of x copied into groups of 8 rows, each group step by step: group g
 * holds x(i0 + 8g + r, p) at {@code 8 k g + 8 p + r}, a group past the last row repeating it.
 * An 8-row tile then finds its eight values of a step side by side, at one index, as it does in
 * x<sup>T</sup>: C2 checks that index's range twice a step instead of eight times and keeps it in
 * one register instead of eight. For a row-major x the copy costs about 0.4 ns a value (a
 * microbenchmark of 32 x 784, this Xeon), against the 2n flops each value feeds; x<sup>T</sup>
 * (row stride 1) only has its last group copied, when it has fewer than 8 rows.
 */
final class PackedRows {

    private PackedRows() {
    }

    /** Floats that {@link #pack} writes for rows i0 to i1 of a k-column x. */
    static int size(int i0, int i1, int k) {
        return (i1 - i0 + 7) / 8 * 8 * k;
    }

    /** Copies rows i0 to i1 of x into {@code packed}. */
    static void pack(Operands o, int i0, int i1, float[] packed) {
        if (o.xColStride != 1) {
            for (int i = i0, d = 0; i < i1; i += 8) {
                for (int p = 0; p < o.k; p++) {
                    for (int r = 0; r < 8; r++, d++) {
                        packed[d] = o.x[Math.min(i + r, i1 - 1) * o.xRowStride + p * o.xColStride];
                    }
                }
            }
            return;
        }
        float[] x = o.x;
        int k = o.k;
        int last = i1 - 1;
        for (int i = i0, d = 0; i < i1; i += 8) {
            int x0 = i * o.xRowStride;
            int x1 = Math.min(i + 1, last) * o.xRowStride;
            int x2 = Math.min(i + 2, last) * o.xRowStride;
            int x3 = Math.min(i + 3, last) * o.xRowStride;
            int x4 = Math.min(i + 4, last) * o.xRowStride;
            int x5 = Math.min(i + 5, last) * o.xRowStride;
            int x6 = Math.min(i + 6, last) * o.xRowStride;
            int x7 = Math.min(i + 7, last) * o.xRowStride;
            for (int p = 0; p < k; p++, d += 8) {
                packed[d] = x[x0 + p];
                packed[d + 1] = x[x1 + p];
                packed[d + 2] = x[x2 + p];
                packed[d + 3] = x[x3 + p];
                packed[d + 4] = x[x4 + p];
                packed[d + 5] = x[x5 + p];
                packed[d + 6] = x[x6 + p];
                packed[d + 7] = x[x7 + p];
            }
        }
    }
}
