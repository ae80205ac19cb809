package nn.api;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * The reference per-column kernels of {@link Kernels}: each column j of a row-major matrix is one
 * channel (as in batch normalization), with its own center, scale and shift. Plain loops, row by
 * row; every result is defined exactly (the order of the sums, where a fused multiply-add rounds
 * once), so that a faster implementation can match it bit for bit. Nothing is allocated; the
 * per-column arrays may be longer than the number of columns.
 */
public final class ColumnOps {

    private ColumnOps() {
    }

    /** sums[j] = a(0,j) + a(1,j) + ... , added in row order from 0. */
    public static void columnSums(FMatrixRMaj a, float[] sums) {
        int n = a.numCols;
        checkSums(a, sums);
        Arrays.fill(sums, 0, n, 0f);
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                sums[j] += a.data[row + j];
            }
        }
    }

    /** dots[j] = sum over i of a(i,j) b(i,j): {@code dots[j] = fma(a(i,j), b(i,j), dots[j])} in row order from 0. */
    public static void columnDots(FMatrixRMaj a, FMatrixRMaj b, float[] dots) {
        int n = a.numCols;
        checkDots(a, b, dots);
        Arrays.fill(dots, 0, n, 0f);
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                dots[j] = Math.fma(a.data[row + j], b.data[row + j], dots[j]);
            }
        }
    }

    /**
     * sums[j] = a(0,j) + a(1,j) + ... and dots[j] = sum over i of a(i,j) b(i,j), in one pass: each
     * exactly as {@link #columnSums} and {@link #columnDots} give it.
     */
    public static void columnSumsAndDots(FMatrixRMaj a, FMatrixRMaj b, float[] sums, float[] dots) {
        int n = a.numCols;
        checkSumsAndDots(a, b, sums, dots);
        Arrays.fill(sums, 0, n, 0f);
        Arrays.fill(dots, 0, n, 0f);
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                sums[j] += a.data[row + j];
                dots[j] = Math.fma(a.data[row + j], b.data[row + j], dots[j]);
            }
        }
    }

    /**
     * dots[j] = sum over i of (a(i,j) - center[j])<sup>2</sup>: with d = a - center,
     * {@code dots[j] = fma(d, d, dots[j])} in row order from 0 (what {@link #columnDots} gives for
     * the centered matrix, without storing it).
     */
    public static void columnCenteredDots(FMatrixRMaj a, float[] center, float[] dots) {
        int n = a.numCols;
        checkCenteredDots(a, center, dots);
        Arrays.fill(dots, 0, n, 0f);
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                float d = a.data[row + j] - center[j];
                dots[j] = Math.fma(d, d, dots[j]);
            }
        }
    }

    /**
     * Two affine maps in one pass, as batch normalization's forward pass wants them:
     * normalized = {@code fma(a - center, scale, 0)} and c = {@code fma(normalized, outScale, outShift)}.
     * normalized must not be a; c may be a.
     */
    public static void columnNormalize(FMatrixRMaj a, float[] center, float[] scale, float[] outScale, float[] outShift,
            FMatrixRMaj normalized, FMatrixRMaj c) {
        checkNormalize("columnNormalize", a, center, scale, outScale, outShift, normalized, c);
        normalize(a, center, scale, outScale, outShift, false, normalized, c);
    }

    /**
     * {@link #columnNormalize}, then the ReLU of c: {@code c = max(c, 0)} as {@code Math.max} gives
     * it, batch normalization and the ReLU after it in one pass. normalized must not be a; c may be a.
     */
    public static void columnNormalizeRelu(FMatrixRMaj a, float[] center, float[] scale, float[] outScale,
            float[] outShift, FMatrixRMaj normalized, FMatrixRMaj c) {
        checkNormalize("columnNormalizeRelu", a, center, scale, outScale, outShift, normalized, c);
        normalize(a, center, scale, outScale, outShift, true, normalized, c);
    }

    private static void normalize(FMatrixRMaj a, float[] center, float[] scale, float[] outScale, float[] outShift,
            boolean relu, FMatrixRMaj normalized, FMatrixRMaj c) {
        int n = a.numCols;
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                float z = Math.fma(a.data[row + j] - center[j], scale[j], 0f);
                normalized.data[row + j] = z;
                float out = Math.fma(z, outScale[j], outShift[j]);
                c.data[row + j] = relu ? Math.max(out, 0f) : out;
            }
        }
    }

    /**
     * The ReLU's backward pass and {@link #columnSumsAndDots} in one: dx = {@link ReluOps#backward}
     * of dy by the ReLU's output y, then sums[j] and dots[j] of dx and b, each exactly as
     * columnSumsAndDots gives them for dx. dx may be dy.
     */
    public static void columnReluSumsAndDots(FMatrixRMaj dy, FMatrixRMaj y, FMatrixRMaj b, FMatrixRMaj dx, float[] sums,
            float[] dots) {
        int n = dy.numCols;
        checkReluSumsAndDots(dy, y, b, dx, sums, dots);
        Arrays.fill(sums, 0, n, 0f);
        Arrays.fill(dots, 0, n, 0f);
        for (int row = 0, end = dy.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                float g = ReluOps.backward(y.data[row + j], dy.data[row + j]);
                dx.data[row + j] = g;
                sums[j] += g;
                dots[j] = Math.fma(g, b.data[row + j], dots[j]);
            }
        }
    }

    /** c(i,j) = (a(i,j) - center[j]) * scale[j] + shift[j], as {@code fma(a - center, scale, shift)}; c may be a. */
    public static void columnAffine(FMatrixRMaj a, float[] center, float[] scale, float[] shift, FMatrixRMaj c) {
        int n = a.numCols;
        checkAffine(a, center, scale, shift, c);
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                c.data[row + j] = Math.fma(a.data[row + j] - center[j], scale[j], shift[j]);
            }
        }
    }

    /**
     * c(i,j) = (a(i,j) - center[j]) * scale[j] + b(i,j) * bScale[j], as
     * {@code fma(b, bScale, (a - center) * scale)}; c may be a or b.
     */
    public static void columnAffine(FMatrixRMaj a, float[] center, float[] scale, FMatrixRMaj b, float[] bScale,
            FMatrixRMaj c) {
        int n = a.numCols;
        checkAffine(a, center, scale, b, bScale, c);
        for (int row = 0, end = a.numRows * n; row < end; row += n) {
            for (int j = 0; j < n; j++) {
                c.data[row + j] = Math.fma(b.data[row + j], bScale[j], (a.data[row + j] - center[j]) * scale[j]);
            }
        }
    }

    /** The argument checks of {@link #columnSums}, for implementations to share. */
    public static void checkSums(FMatrixRMaj a, float[] sums) {
        checkColumns("columnSums", "sums", sums, a.numCols);
    }

    /** The argument checks of {@link #columnDots}. */
    public static void checkDots(FMatrixRMaj a, FMatrixRMaj b, float[] dots) {
        checkSameShape("columnDots", a, "b", b);
        checkColumns("columnDots", "dots", dots, a.numCols);
    }

    /** The argument checks of {@link #columnSumsAndDots}. */
    public static void checkSumsAndDots(FMatrixRMaj a, FMatrixRMaj b, float[] sums, float[] dots) {
        checkSameShape("columnSumsAndDots", a, "b", b);
        checkColumns("columnSumsAndDots", "sums", sums, a.numCols);
        checkColumns("columnSumsAndDots", "dots", dots, a.numCols);
    }

    /** The argument checks of {@link #columnCenteredDots}. */
    public static void checkCenteredDots(FMatrixRMaj a, float[] center, float[] dots) {
        checkColumns("columnCenteredDots", "center", center, a.numCols);
        checkColumns("columnCenteredDots", "dots", dots, a.numCols);
    }

    /** The argument checks of {@link #columnReluSumsAndDots}. */
    public static void checkReluSumsAndDots(FMatrixRMaj dy, FMatrixRMaj y, FMatrixRMaj b, FMatrixRMaj dx, float[] sums,
            float[] dots) {
        String op = "columnReluSumsAndDots";
        checkSameShape(op, dy, "y", y);
        checkSameShape(op, dy, "b", b);
        checkSameShape(op, dy, "dx", dx);
        checkColumns(op, "sums", sums, dy.numCols);
        checkColumns(op, "dots", dots, dy.numCols);
    }

    /** The argument checks of {@link #columnNormalize} and {@link #columnNormalizeRelu}, op naming which. */
    public static void checkNormalize(String op, FMatrixRMaj a, float[] center, float[] scale, float[] outScale,
            float[] outShift, FMatrixRMaj normalized, FMatrixRMaj c) {
        checkColumns(op, "center", center, a.numCols);
        checkColumns(op, "scale", scale, a.numCols);
        checkSameShape(op, a, "c", c);
        checkColumns(op, "outScale", outScale, a.numCols);
        checkColumns(op, "outShift", outShift, a.numCols);
        checkSameShape(op, a, "normalized", normalized);
        if (normalized.data == a.data) {
            throw new IllegalArgumentException(op + ": normalized must not share a's array (c may)");
        }
    }

    /** The argument checks of {@link #columnAffine(FMatrixRMaj, float[], float[], float[], FMatrixRMaj)}. */
    public static void checkAffine(FMatrixRMaj a, float[] center, float[] scale, float[] shift, FMatrixRMaj c) {
        checkAffine(a, center, scale, c);
        checkColumns("columnAffine", "shift", shift, a.numCols);
    }

    /** The argument checks of {@link #columnAffine(FMatrixRMaj, float[], float[], FMatrixRMaj, float[], FMatrixRMaj)}. */
    public static void checkAffine(FMatrixRMaj a, float[] center, float[] scale, FMatrixRMaj b, float[] bScale,
            FMatrixRMaj c) {
        checkAffine(a, center, scale, c);
        checkSameShape("columnAffine", a, "b", b);
        checkColumns("columnAffine", "bScale", bScale, a.numCols);
    }

    private static void checkAffine(FMatrixRMaj a, float[] center, float[] scale, FMatrixRMaj c) {
        checkColumns("columnAffine", "center", center, a.numCols);
        checkColumns("columnAffine", "scale", scale, a.numCols);
        checkSameShape("columnAffine", a, "c", c);
    }

    private static void checkColumns(String op, String name, float[] values, int columns) {
        if (values.length < columns) {
            throw new IllegalArgumentException(op + ": " + name + " has " + values.length + " values, the matrix has "
                    + columns + " columns");
        }
    }

    private static void checkSameShape(String op, FMatrixRMaj a, String name, FMatrixRMaj m) {
        if (m.numRows != a.numRows || m.numCols != a.numCols) {
            throw new IllegalArgumentException(op + ": " + name + " must be " + a.numRows + "x" + a.numCols + " as a, is "
                    + m.numRows + "x" + m.numCols);
        }
    }
}
