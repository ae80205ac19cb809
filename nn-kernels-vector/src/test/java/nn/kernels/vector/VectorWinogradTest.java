package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import nn.api.WinogradOps;
import nn.api.WinogradTiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Winograd passes of {@link VectorKernels} equal {@link WinogradOps} bit for bit: every vector
 * width, channel and filter counts around the vector lengths, both paddings on odd and even sizes,
 * a later first sample, and 1 to 3 threads. Outputs start as garbage the passes must overwrite.
 */
class VectorWinogradTest {
    private static final int E = WinogradOps.ELEMENTS;
    private static final int[] WIDTHS = {1, 3, 8, 15, 16, 17, 32, 33, 64};

    /** (height, width, same padding?): odd and even outputs, one tile, a row of tiles. */
    private static final int[][] IMAGES = {{7, 6, 1}, {6, 7, 0}, {4, 4, 1}, {3, 3, 0}, {2, 9, 1}, {8, 5, 0}};

    private static WinogradTiles tiles(int[] image, int channels, int filters) {
        boolean same = image[2] == 1;
        int outH = same ? image[0] : image[0] - 2;
        int outW = same ? image[1] : image[1] - 2;
        return new WinogradTiles(image[0], image[1], channels, filters, outH, outW, same ? 1 : 0, same ? 1 : 0);
    }

    private static float[][] matrices(int rows, int columns, SplittableRandom random) {
        float[][] m = new float[E][];
        for (int e = 0; e < E; e++) {
            m[e] = VectorWindowsTest.normal(rows * columns, random);
        }
        return m;
    }

    private static void assertSamePasses(VectorKernels kernels, WinogradTiles t, int samples, SplittableRandom random,
            String where) {
        int first = samples > 1 ? 1 : 0;
        int count = samples - first;
        int rows = count * t.tiles();
        float[] band = VectorWindowsTest.normal(count * t.bandFloats(), random);
        float[] x = VectorWindowsTest.normal(samples * t.inputSize(), random);
        float[][] expectedV = matrices(rows, t.channels, random);
        float[][] actualV = matrices(rows, t.channels, random);
        WinogradOps.winogradInput(x, first, count, t, expectedV, band.clone());
        kernels.winogradInput(x, first, count, t, actualV, band.clone());
        assertArrayEquals(expectedV, actualV, "input, " + where);

        float[][] m = matrices(rows, t.filters, random);
        float[] expectedZ = VectorWindowsTest.normal(samples * t.outputSize(), random);
        float[] actualZ = expectedZ.clone();
        WinogradOps.winogradOutput(m, first, count, t, expectedZ, band.clone());
        kernels.winogradOutput(m, first, count, t, actualZ, band.clone());
        assertArrayEquals(expectedZ, actualZ, "output, " + where);

        float[] dz = VectorWindowsTest.normal(samples * t.outputSize(), random);
        float[][] expectedM = matrices(rows, t.filters, random);
        float[][] actualM = matrices(rows, t.filters, random);
        WinogradOps.winogradOutputGradient(dz, first, count, t, expectedM, band.clone());
        kernels.winogradOutputGradient(dz, first, count, t, actualM, band.clone());
        assertArrayEquals(expectedM, actualM, "output gradient, " + where);

        float[][] dv = matrices(rows, t.channels, random);
        float[] expectedDx = VectorWindowsTest.normal(samples * t.inputSize(), random);
        float[] actualDx = expectedDx.clone();
        WinogradOps.winogradInputGradient(dv, first, count, t, expectedDx, band.clone());
        kernels.winogradInputGradient(dv, first, count, t, actualDx, band.clone());
        assertArrayEquals(expectedDx, actualDx, "input gradient, " + where);
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void passesEqualTheReferenceBitForBit(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        try (VectorKernels one = new VectorKernels(VectorKernelsTest.species(bits));
                VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            for (int[] image : IMAGES) {
                for (int channels : WIDTHS) {
                    int filters = WIDTHS[(channels * 7) % WIDTHS.length];
                    WinogradTiles t = tiles(image, channels, filters);
                    for (int samples : new int[] {1, 6}) {
                        for (VectorKernels k : new VectorKernels[] {one, two, three}) {
                            assertSamePasses(k, t, samples, random, bits + " bits, " + image[0] + "x" + image[1] + "x"
                                    + channels + " -> " + filters + (image[2] == 1 ? " same" : " valid") + ", " + samples
                                    + " samples, " + k.threads() + " threads");
                        }
                    }
                }
            }
        }
    }

    /** Large enough that the passes are cut between the threads. */
    @Test
    void largeBatchesCutBetweenThreadsGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(9);
        try (VectorKernels two = new VectorKernels().withThreads(2)) {
            assertSamePasses(two, tiles(new int[] {14, 14, 1}, 32, 64), 9, random, "14x14x32 -> 64, 9 samples, 2 threads");
        }
    }

    @Test
    void shortArraysAreRefusedNamingWhatIsShort() {
        WinogradTiles t = tiles(new int[] {4, 4, 1}, 2, 3);
        float[][] v = new float[E][t.tiles() * 2];
        try (VectorKernels kernels = new VectorKernels()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kernels.winogradInput(new float[31], 0, 1, t, v, new float[t.bandFloats()]));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("images have 31 values"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> kernels.winogradInput(new float[32], 0, 1, t, v, new float[3]));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("scratch band has 3 values"), e.getMessage());
        }
    }
}
