package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class ColumnOpsTest {

    /** A (3x2) = [[1, 2], [3, 4], [5, 6]]. */
    private static FMatrixRMaj a() {
        return new FMatrixRMaj(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    }

    /** B (3x2) = [[2, -1], [0, 3], [1, 1]]. */
    private static FMatrixRMaj b() {
        return new FMatrixRMaj(new float[][] {{2, -1}, {0, 3}, {1, 1}});
    }

    @Test
    void columnSumsAddEachColumn() {
        float[] sums = {99, 99, 99};
        ColumnOps.columnSums(a(), sums);
        assertArrayEquals(new float[] {1 + 3 + 5, 2 + 4 + 6, 99}, sums, "only the first 2 entries are written");
    }

    @Test
    void columnDotsMultiplyThenAddEachColumn() {
        float[] dots = new float[2];
        ColumnOps.columnDots(a(), b(), dots);
        assertArrayEquals(new float[] {1 * 2 + 3 * 0 + 5 * 1, 2 * -1 + 4 * 3 + 6 * 1}, dots);
    }

    @Test
    void columnSumsAndDotsGiveBothInOnePass() {
        float[] sums = new float[2];
        float[] dots = new float[2];
        ColumnOps.columnSumsAndDots(a(), b(), sums, dots);
        assertArrayEquals(new float[] {9, 12}, sums);
        assertArrayEquals(new float[] {7, 16}, dots);
    }

    @Test
    void columnCenteredDotsAddSquaredDeviations() {
        float[] dots = new float[2];
        ColumnOps.columnCenteredDots(a(), new float[] {3, 4}, dots);
        // (1-3)^2 + (3-3)^2 + (5-3)^2 = 8 in both columns
        assertArrayEquals(new float[] {8, 8}, dots);
    }

    @Test
    void columnNormalizeWritesTheNormalizedAndTheScaledShifted() {
        FMatrixRMaj normalized = new FMatrixRMaj(3, 2);
        FMatrixRMaj c = new FMatrixRMaj(3, 2);
        ColumnOps.columnNormalize(a(), new float[] {3, 4}, new float[] {0.5f, -2}, new float[] {2, 3}, new float[] {1, -1},
                normalized, c);
        assertArrayEquals(new float[] {-1, 4, 0, 0, 1, -4}, normalized.data);
        assertArrayEquals(new float[] {-1, 11, 1, -1, 3, -13}, c.data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnOps.columnNormalize(a(),
                new float[2], new float[2], new float[2], new float[2], normalized, new FMatrixRMaj(2, 2)));
        assertTrue(e.getMessage().startsWith("columnNormalize: c must be 3x2"), e.getMessage());
    }

    @Test
    void columnNormalizeReluIsColumnNormalizeThenTheRelu() {
        FMatrixRMaj normalized = new FMatrixRMaj(3, 2);
        FMatrixRMaj c = new FMatrixRMaj(3, 2);
        ColumnOps.columnNormalizeRelu(a(), new float[] {3, 4}, new float[] {0.5f, -2}, new float[] {2, 3},
                new float[] {1, -1}, normalized, c);
        assertArrayEquals(new float[] {-1, 4, 0, 0, 1, -4}, normalized.data, "before the relu, as columnNormalize");
        assertArrayEquals(new float[] {0, 11, 1, 0, 3, 0}, c.data, "max(c, 0) of columnNormalize's {-1, 11, 1, -1, 3, -13}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnOps.columnNormalizeRelu(a(),
                new float[2], new float[2], new float[2], new float[1], normalized, c));
        assertTrue(e.getMessage().startsWith("columnNormalizeRelu: outShift has 1 values"), e.getMessage());
    }

    @Test
    void columnReluSumsAndDotsTakeTheGradientThroughTheReluThenSumAndDot() {
        FMatrixRMaj y = new FMatrixRMaj(new float[][] {{0.5f, 0}, {0, 2}, {3, 1}});
        FMatrixRMaj dx = new FMatrixRMaj(3, 2);
        float[] sums = new float[2];
        float[] dots = new float[2];
        ColumnOps.columnReluSumsAndDots(a(), y, b(), dx, sums, dots);
        // a where y > 0, else 0: [[1, 0], [0, 4], [5, 6]]; with b = [[2, -1], [0, 3], [1, 1]]
        assertArrayEquals(new float[] {1, 0, 0, 4, 5, 6}, dx.data);
        assertArrayEquals(new float[] {1 + 5, 4 + 6}, sums);
        assertArrayEquals(new float[] {1 * 2 + 5 * 1, 4 * 3 + 6 * 1}, dots);
        FMatrixRMaj inPlace = a();
        ColumnOps.columnReluSumsAndDots(inPlace, y, b(), inPlace, sums, dots);
        assertArrayEquals(dx.data, inPlace.data, "dx may be dy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnOps.columnReluSumsAndDots(a(), y, b(), new FMatrixRMaj(3, 1), sums, dots));
        assertTrue(e.getMessage().startsWith("columnReluSumsAndDots: dx must be 3x2"), e.getMessage());
    }

    @Test
    void columnAffineCentersScalesAndShifts() {
        FMatrixRMaj c = new FMatrixRMaj(3, 2);
        ColumnOps.columnAffine(a(), new float[] {3, 4}, new float[] {0.5f, -2}, new float[] {10, 1}, c);
        // column 0: (x - 3) * 0.5 + 10; column 1: (x - 4) * -2 + 1
        assertArrayEquals(new float[] {9, 5, 10, 1, 11, -3}, c.data);
    }

    @Test
    void columnAffineWithASecondMatrixAddsItsScaledValues() {
        FMatrixRMaj c = new FMatrixRMaj(3, 2);
        ColumnOps.columnAffine(a(), new float[] {1, 0}, new float[] {2, 1}, b(), new float[] {10, -1}, c);
        // column 0: (x - 1) * 2 + 10 y; column 1: x - y
        assertArrayEquals(new float[] {20, 3, 4, 1, 18, 5}, c.data);
    }

    @Test
    void columnAffineMayWriteOverItsInput() {
        FMatrixRMaj a = a();
        ColumnOps.columnAffine(a, new float[] {1, 2}, new float[] {1, 1}, new float[2], a);
        assertArrayEquals(new float[] {0, 0, 2, 2, 4, 4}, a.data);
    }

    @Test
    void roundsOnceWhereItSaysFma() {
        // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: the last term survives only without a rounding in between
        float x = 1 + 0x1p-12f;
        FMatrixRMaj a = new FMatrixRMaj(1, 1, true, x);
        float[] dots = new float[1];
        ColumnOps.columnDots(a, a, dots);
        assertEquals(Math.fma(x, x, 0f), dots[0]);
        FMatrixRMaj c = new FMatrixRMaj(1, 1);
        ColumnOps.columnAffine(a, new float[] {0}, new float[] {x}, new float[] {-1}, c);
        assertEquals(0x1p-11f + 0x1p-24f, c.data[0]);
    }

    @Test
    void shortPerColumnArraysAndOtherShapesAreNamed() {
        FMatrixRMaj a = a();
        IllegalArgumentException sums = assertThrows(IllegalArgumentException.class,
                () -> ColumnOps.columnSums(a, new float[1]));
        assertTrue(sums.getMessage().contains("columnSums: sums has 1 values, the matrix has 2 columns"), sums.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ColumnOps.columnDots(a, new FMatrixRMaj(2, 2), new float[2]));
        assertTrue(shape.getMessage().contains("columnDots: b must be 3x2 as a, is 2x2"), shape.getMessage());
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> ColumnOps.columnAffine(a, new float[2], new float[0], new float[2], new FMatrixRMaj(3, 2)));
        assertTrue(scale.getMessage().contains("scale has 0 values"), scale.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> ColumnOps.columnAffine(a, new float[2], new float[2], new float[2], new FMatrixRMaj(3, 3)));
        assertTrue(out.getMessage().contains("c must be 3x2 as a, is 3x3"), out.getMessage());
    }

    @Test
    void kernelsDefaultToTheseLoops() {
        Kernels kernels = new EjmlKernels();
        float[] sums = new float[2];
        kernels.columnSums(a(), sums);
        assertArrayEquals(new float[] {9, 12}, sums);
    }
}
