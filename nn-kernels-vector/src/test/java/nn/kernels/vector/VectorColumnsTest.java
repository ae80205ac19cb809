package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import nn.api.ColumnOps;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-column passes of {@link VectorKernels} equal {@link ColumnOps} bit for bit, for every width and edge. */
class VectorColumnsTest {
    /** Column counts around 1, 2, 4 and 5 vectors of 4, 8 and 16 lanes, and the tutorial's channels. */
    private static final int[] COLUMNS = {1, 3, 4, 5, 8, 12, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 80, 81, 100, 200, 300};
    private static final int[] ROWS = {1, 2, 7, 32};

    private static FMatrixRMaj random(int rows, int cols, SplittableRandom random) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (random.nextDouble() * 8 - 3);
        }
        return m;
    }

    private static float[] random(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() * 4 - 2);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void everyPassEqualsTheReferenceBitForBit(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        SplittableRandom random = new SplittableRandom(bits);
        for (int rows : ROWS) {
            for (int cols : COLUMNS) {
                assertEveryPassEqualsTheReference(kernels, rows, cols, random, bits + " bits, " + rows + "x" + cols);
            }
        }
    }

    private static void assertEveryPassEqualsTheReference(VectorKernels kernels, int rows, int cols,
            SplittableRandom random, String where) {
        FMatrixRMaj a = random(rows, cols, random);
        FMatrixRMaj b = random(rows, cols, random);
        float[] center = random(cols, random);
        float[] scale = random(cols, random);
        float[] shift = random(cols, random);

        float[] expected = new float[cols];
        float[] actual = new float[cols];
        ColumnOps.columnSums(a, expected);
        kernels.columnSums(a, actual);
        assertArrayEquals(expected, actual, "sums, " + where);

        ColumnOps.columnDots(a, b, expected);
        kernels.columnDots(a, b, actual);
        assertArrayEquals(expected, actual, "dots, " + where);

        float[] expectedSecond = new float[cols];
        float[] actualSecond = new float[cols];
        ColumnOps.columnSumsAndDots(a, b, expected, expectedSecond);
        kernels.columnSumsAndDots(a, b, actual, actualSecond);
        assertArrayEquals(expected, actual, "sums of sums and dots, " + where);
        assertArrayEquals(expectedSecond, actualSecond, "dots of sums and dots, " + where);

        ColumnOps.columnCenteredDots(a, center, expected);
        kernels.columnCenteredDots(a, center, actual);
        assertArrayEquals(expected, actual, "centered dots, " + where);

        FMatrixRMaj expectedMatrix = new FMatrixRMaj(rows, cols);
        FMatrixRMaj actualMatrix = new FMatrixRMaj(rows, cols);
        FMatrixRMaj expectedOut = new FMatrixRMaj(rows, cols);
        FMatrixRMaj actualOut = new FMatrixRMaj(rows, cols);
        ColumnOps.columnNormalize(a, center, scale, b.data, shift, expectedMatrix, expectedOut);
        kernels.columnNormalize(a, center, scale, b.data, shift, actualMatrix, actualOut);
        assertArrayEquals(expectedMatrix.data, actualMatrix.data, "normalized, " + where);
        assertArrayEquals(expectedOut.data, actualOut.data, "normalized and scaled, " + where);

        ColumnOps.columnNormalizeRelu(a, center, scale, b.data, shift, expectedMatrix, expectedOut);
        kernels.columnNormalizeRelu(a, center, scale, b.data, shift, actualMatrix, actualOut);
        assertArrayEquals(expectedMatrix.data, actualMatrix.data, "normalized before the relu, " + where);
        assertArrayEquals(expectedOut.data, actualOut.data, "normalized, scaled and relu, " + where);

        FMatrixRMaj y = reluOutputWithOddSigns(expectedOut);
        FMatrixRMaj expectedDx = new FMatrixRMaj(rows, cols);
        FMatrixRMaj actualDx = new FMatrixRMaj(rows, cols);
        ColumnOps.columnReluSumsAndDots(a, y, b, expectedDx, expected, expectedSecond);
        kernels.columnReluSumsAndDots(a, y, b, actualDx, actual, actualSecond);
        assertArrayEquals(expectedDx.data, actualDx.data, "relu gradient, " + where);
        assertArrayEquals(expected, actual, "sums of the relu gradient, " + where);
        assertArrayEquals(expectedSecond, actualSecond, "dots of the relu gradient, " + where);

        ColumnOps.columnAffine(a, center, scale, shift, expectedMatrix);
        kernels.columnAffine(a, center, scale, shift, actualMatrix);
        assertArrayEquals(expectedMatrix.data, actualMatrix.data, "affine, " + where);

        ColumnOps.columnAffine(a, center, scale, b, shift, expectedMatrix);
        kernels.columnAffine(a, center, scale, b, shift, actualMatrix);
        assertArrayEquals(expectedMatrix.data, actualMatrix.data, "affine of two, " + where);

        kernels.columnAffine(a, center, scale, b, shift, a);
        assertArrayEquals(expectedMatrix.data, a.data, "affine of two in place, " + where);
    }

    /**
     * A copy of a ReLU output (zeros and positives) with some -0s and NaNs of either sign, which
     * the ReLU's backward pass tells apart by their bits ({@link nn.api.ReluOps}).
     */
    private static FMatrixRMaj reluOutputWithOddSigns(FMatrixRMaj out) {
        FMatrixRMaj y = out.copy();
        float[] odd = {-0f, Float.NaN, Float.intBitsToFloat(0xffc00000), Float.POSITIVE_INFINITY};
        for (int i = 0; i < y.data.length; i += 7) {
            y.data[i] = odd[(i / 7) % odd.length];
        }
        return y;
    }

    /** Passes large enough to be cut between threads: by columns (sums, dots) or rows (affine), in place too. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void passesCutBetweenThreadsEqualTheReferenceBitForBit(int threads) {
        int[][] shapes = {{256, 300}, {1100, 33}, {2000, 17}, {4000, 10}, {25088, 32}, {128, 257}};
        try (VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(512), threads)) {
            SplittableRandom random = new SplittableRandom(threads);
            for (int[] shape : shapes) {
                assertTrue((long) shape[0] * shape[1] >= SplitColumns.MIN_PARALLEL_FLOATS, "large enough to be cut");
                assertEveryPassEqualsTheReference(kernels, shape[0], shape[1], random,
                        threads + " threads, " + shape[0] + "x" + shape[1]);
            }
        }
    }

    /** Run long enough for C2 to compile the passes: compiled vector code must give the same bits. */
    @ParameterizedTest
    @ValueSource(ints = {256, 512})
    void compiledPassesStillEqualTheReference(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        SplittableRandom random = new SplittableRandom(3);
        FMatrixRMaj a = random(32, 300, random);
        FMatrixRMaj b = random(32, 300, random);
        float[] center = random(300, random);
        float[] scale = random(300, random);
        float[] sums = new float[300];
        float[] dots = new float[300];
        FMatrixRMaj c = new FMatrixRMaj(32, 300);
        FMatrixRMaj d = new FMatrixRMaj(32, 300);
        FMatrixRMaj normalized = new FMatrixRMaj(32, 300);
        FMatrixRMaj relu = new FMatrixRMaj(32, 300);
        FMatrixRMaj reluGradient = new FMatrixRMaj(32, 300);
        float[] reluSums = new float[300];
        float[] reluDots = new float[300];
        for (int i = 0; i < 3000; i++) {
            kernels.columnSums(a, sums);
            kernels.columnDots(a, b, dots);
            kernels.columnAffine(a, center, scale, sums, c);
            kernels.columnAffine(a, center, scale, b, dots, d);
            kernels.columnNormalizeRelu(a, center, scale, sums, dots, normalized, relu);
            kernels.columnReluSumsAndDots(b, relu, d, reluGradient, reluSums, reluDots);
        }
        float[] expected = new float[300];
        ColumnOps.columnSums(a, expected);
        assertArrayEquals(expected, sums, "sums");
        float[] expectedDots = new float[300];
        ColumnOps.columnDots(a, b, expectedDots);
        assertArrayEquals(expectedDots, dots, "dots");
        FMatrixRMaj expectedMatrix = new FMatrixRMaj(32, 300);
        ColumnOps.columnAffine(a, center, scale, expected, expectedMatrix);
        assertArrayEquals(expectedMatrix.data, c.data, "affine");
        ColumnOps.columnAffine(a, center, scale, b, expectedDots, expectedMatrix);
        assertArrayEquals(expectedMatrix.data, d.data, "affine of two");
        FMatrixRMaj expectedNormalized = new FMatrixRMaj(32, 300);
        FMatrixRMaj expectedRelu = new FMatrixRMaj(32, 300);
        ColumnOps.columnNormalizeRelu(a, center, scale, expected, expectedDots, expectedNormalized, expectedRelu);
        assertArrayEquals(expectedNormalized.data, normalized.data, "normalized");
        assertArrayEquals(expectedRelu.data, relu.data, "normalized and relu");
        ColumnOps.columnReluSumsAndDots(b, expectedRelu, expectedMatrix, expectedNormalized, expected, expectedDots);
        assertArrayEquals(expectedNormalized.data, reluGradient.data, "relu gradient");
        assertArrayEquals(expected, reluSums, "sums of the relu gradient");
        assertArrayEquals(expectedDots, reluDots, "dots of the relu gradient");
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 512})
    void writesOverItsInputWhenAskedTo(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        SplittableRandom random = new SplittableRandom(7);
        FMatrixRMaj a = random(5, 37, random);
        FMatrixRMaj b = random(5, 37, random);
        float[] center = random(37, random);
        float[] scale = random(37, random);
        FMatrixRMaj expected = new FMatrixRMaj(5, 37);
        ColumnOps.columnAffine(a, center, scale, b, scale, expected);
        kernels.columnAffine(a, center, scale, b, scale, a);
        assertArrayEquals(expected.data, a.data);
    }

    @ParameterizedTest
    @ValueSource(ints = {512})
    void checksItsArgumentsAsTheReferenceDoes(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        FMatrixRMaj a = new FMatrixRMaj(3, 20);
        assertThrows(IllegalArgumentException.class, () -> kernels.columnSums(a, new float[19]));
        assertThrows(IllegalArgumentException.class, () -> kernels.columnDots(a, new FMatrixRMaj(3, 19), new float[20]));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.columnAffine(a, new float[20], new float[20], new float[2], new FMatrixRMaj(3, 20)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.columnAffine(a, new float[20], new float[20], a, new float[20], new FMatrixRMaj(2, 20)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernels.columnNormalizeRelu(a,
                new float[20], new float[20], new float[20], new float[20], a, new FMatrixRMaj(3, 20)));
        assertTrue(e.getMessage().startsWith("columnNormalizeRelu: normalized must not share a's array"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kernels.columnReluSumsAndDots(a, new FMatrixRMaj(3, 19), a,
                a, new float[20], new float[20]));
        assertTrue(e.getMessage().startsWith("columnReluSumsAndDots: y must be 3x20"), e.getMessage());
    }
}
