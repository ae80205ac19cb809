package nn.kernels.vector;

/**
 * Rows i0 to i1 of x copied into groups of 8 rows, each group step by step: group g
 * holds x(i0 + 8g + r, p) at {@code 8 k g + 8 p + r}, a group past the last row repeating it.
 * An 8-row tile then finds its eight values of a step side by side, at one index, as it does in
 * x<sup>T</sup>: C2 checks that index's range twice a step instead of eight times and keeps it in
 * one register instead of eight. For a row-major x the copy costs about 0.4 ns a value (a
 * microbenchmark of 32 x 784, this Xeon), against the 2n flops each value feeds; x<sup>T</sup>
 * (row stride 1) only has its last group copied, when it has fewer than 8 rows. A row-major x is
 * copied one row at a time: with all eight rows of a group read side by side, C2 compiled the loop
 * well in some JVM runs and at half the speed in others (256 x 784: 63-83 or 137-163 us against
 * 60-75 row by row, this Zen 5 VM).
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
        for (int i = i0, d = 0; i < i1; i += 8, d += 8 * k) {
            for (int r = 0; r < 8; r++) {
                int xr = Math.min(i + r, last) * o.xRowStride;
                for (int p = 0, q = d + r; p < k; p++, q += 8) {
                    packed[q] = x[xr + p];
                }
            }
        }
    }
}
