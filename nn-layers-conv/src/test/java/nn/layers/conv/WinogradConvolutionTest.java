package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nn.api.EjmlKernels;
import nn.api.Layer;
import nn.api.NnException;
import nn.api.Kernels;
import nn.api.Shape;
import nn.api.WinogradTiles;
import nn.kernels.vector.VectorKernels;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Winograd's F(4x4, 3x3) against im2col's one product (an independent formulation of the same
 * convolution) within rounding, on odd and even sizes and both paddings; bit for bit across
 * thread counts and range cuts; exactly on a hand-computed case.
 */
class WinogradConvolutionTest {
    private static final int[] THREE = {3, 3};
    private static final int[] ONE = {1, 1};

    private record Case(Windows windows, WinogradTiles grid, int filters) {
        static Case of(int height, int width, int channels, int filters, Padding padding) {
            Windows windows = new Windows("test", Shape.of(height, width, channels), THREE, ONE, ONE, padding);
            return new Case(windows, WinogradConvolution.tiles(windows, filters, padding), filters);
        }

        int inputSize() {
            return windows.height * windows.width * windows.channels;
        }

        int outputSize() {
            return windows.positions() * filters;
        }
    }

    private record Pass(float[] z, float[] dKernel, float[] dx) {
    }

    private static Pass run(Convolution convolution, Case c, int samples) {
        FMatrixRMaj x = RandomMatrices.normal(samples, c.inputSize(), 21);
        FMatrixRMaj kernel = RandomMatrices.normal(9 * c.windows.channels, c.filters, 22);
        FMatrixRMaj z = new FMatrixRMaj(samples, c.outputSize());
        convolution.forward(x, kernel, true, z);
        FMatrixRMaj dz = RandomMatrices.normal(samples, c.outputSize(), 23);
        FMatrixRMaj dKernel = new FMatrixRMaj(kernel.numRows, kernel.numCols);
        FMatrixRMaj dx = new FMatrixRMaj(samples, c.inputSize());
        convolution.backward(dz, kernel, dKernel, dx);
        return new Pass(z.data, dKernel.data, dx.data);
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        float largest = 0;
        for (float e : expected) {
            largest = Math.max(largest, Math.abs(e));
        }
        assertArrayEquals(expected, actual, 1e-5f * (1 + largest), what);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} -> {3} filters, {4}")
    @CsvSource({"7, 5, 9, 4, SAME", "6, 7, 8, 3, VALID", "5, 5, 16, 20, VALID", "2, 3, 8, 2, SAME", "3, 3, 1, 1, VALID",
            "8, 8, 33, 17, SAME"})
    void equalsImToColWithinRounding(int height, int width, int channels, int filters, Padding padding) {
        Case c = Case.of(height, width, channels, filters, padding);
        Kernels kernels = new EjmlKernels();
        Pass expected = run(new Im2colConvolution(c.windows, kernels, filters), c, 3);
        for (int chunkFloats : new int[] {WinogradConvolution.CHUNK_FLOATS, 1}) {
            Pass actual = run(new WinogradConvolution(c.grid, kernels, chunkFloats), c, 3);
            assertClose(expected.z, actual.z, "output, chunks of " + chunkFloats + " floats");
            assertClose(expected.dKernel, actual.dKernel, "kernel gradient, chunks of " + chunkFloats + " floats");
            assertClose(expected.dx, actual.dx, "input gradient, chunks of " + chunkFloats + " floats");
        }
    }

    @Test
    void sameBitsOnOneAndTwoThreads() {
        Case c = Case.of(14, 14, 32, 64, Padding.SAME);
        Pass reference = run(new WinogradConvolution(c.grid, new EjmlKernels()), c, 5);
        try (VectorKernels one = new VectorKernels(); VectorKernels two = new VectorKernels().withThreads(2)) {
            Pass onOne = run(new WinogradConvolution(c.grid, one), c, 5);
            Pass onTwo = run(new WinogradConvolution(c.grid, two), c, 5);
            assertArrayEquals(onOne.z, onTwo.z);
            assertArrayEquals(onOne.dKernel, onTwo.dKernel);
            assertArrayEquals(onOne.dx, onTwo.dx);
            assertClose(reference.z, onOne.z, "vector kernels' output");
        }
    }

    /**
     * The 4x4 input 1..16 and the filters 1..9 and all ones: integer results, which F(4x4, 3x3)
     * meets within float rounding (the transformed kernel's sixths are not floats).
     */
    @Test
    void handComputedValidAndSame() {
        FMatrixRMaj x = new FMatrixRMaj(1, 16, true, Layers.oneToSixteen());
        FMatrixRMaj kernel = new FMatrixRMaj(9, 2);
        for (int tap = 0; tap < 9; tap++) {
            kernel.set(tap, 0, tap + 1);
            kernel.set(tap, 1, 1);
        }
        float rounding = 1e-3f;
        Case valid = Case.of(4, 4, 1, 2, Padding.VALID);
        FMatrixRMaj z = new FMatrixRMaj(1, 8);
        new WinogradConvolution(valid.grid, new EjmlKernels()).forward(x, kernel, false, z);
        assertArrayEquals(new float[] {348, 54, 393, 63, 528, 90, 573, 99}, z.data, rounding);

        Case same = Case.of(4, 4, 1, 2, Padding.SAME);
        z = new FMatrixRMaj(1, 32);
        new WinogradConvolution(same.grid, new EjmlKernels()).forward(x, kernel, false, z);
        assertEquals(1 * 5 + 2 * 6 + 5 * 8 + 6 * 9, z.data[0], rounding);
        assertEquals(1 + 2 + 5 + 6, z.data[1], rounding);
        assertEquals(348, z.data[(1 * 4 + 1) * 2], rounding);
        assertEquals(11 + 24 + 60 + 80, z.data[(3 * 4 + 3) * 2], rounding);
    }

    /**
     * Chunks of any size (one sample; the default, 3 + 3 + 1 samples on one thread and 6 + 1 on two;
     * the whole batch), on one thread or two, give the bits of the whole batch on one thread: each
     * sample's tiles are independent, and the kernel gradient's chunks go on with the sums of one
     * product ({@code multAddTransA}).
     */
    @Test
    void chunksOfAnySizeOnAnyThreadsGiveTheWholeBatchsBits() {
        Case c = Case.of(14, 14, 32, 64, Padding.SAME);
        try (VectorKernels one = new VectorKernels(); VectorKernels two = one.withThreads(2)) {
            Pass whole = run(new WinogradConvolution(c.grid, one, Integer.MAX_VALUE), c, 7);
            for (VectorKernels kernels : new VectorKernels[] {one, two}) {
                for (int chunkFloats : new int[] {1, WinogradConvolution.CHUNK_FLOATS, Integer.MAX_VALUE}) {
                    Pass chunked = run(new WinogradConvolution(c.grid, kernels, chunkFloats), c, 7);
                    String where = "chunks of " + chunkFloats + " floats on " + kernels.threads() + " threads";
                    assertArrayEquals(whole.z, chunked.z, where);
                    assertArrayEquals(whole.dKernel, chunked.dKernel, where);
                    assertArrayEquals(whole.dx, chunked.dx, where);
                }
            }
        }
    }

    /** The same for the reference kernels: EJML's order of sums goes on from chunk to chunk too. */
    @Test
    void chunksGiveTheWholeBatchsBitsOnTheReferenceKernels() {
        Case c = Case.of(6, 7, 8, 5, Padding.SAME);
        Kernels kernels = new EjmlKernels();
        Pass whole = run(new WinogradConvolution(c.grid, kernels, Integer.MAX_VALUE), c, 5);
        Pass chunked = run(new WinogradConvolution(c.grid, kernels, 1), c, 5);
        assertArrayEquals(whole.z, chunked.z);
        assertArrayEquals(whole.dKernel, chunked.dKernel);
        assertArrayEquals(whole.dx, chunked.dx);
    }

    /** Backward reads the training pass's input again; an inference pass keeps none. */
    @Test
    void onlyATrainingPassHoldsItsBatch() {
        Case c = Case.of(6, 6, 8, 4, Padding.SAME);
        WinogradConvolution convolution = new WinogradConvolution(c.grid, new EjmlKernels());
        FMatrixRMaj x = RandomMatrices.normal(3, c.inputSize(), 13);
        FMatrixRMaj kernel = RandomMatrices.normal(72, 4, 14);
        FMatrixRMaj z = new FMatrixRMaj(3, c.outputSize());
        convolution.forward(x, kernel, true, z);
        assertTrue(convolution.holdsBatch(3));
        assertFalse(convolution.holdsBatch(2));
        convolution.forward(x, kernel, false, z);
        assertFalse(convolution.holdsBatch(3), "an inference pass keeps no batch for backward");
        FMatrixRMaj dz = RandomMatrices.normal(3, c.outputSize(), 15);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> convolution.backward(dz, kernel, new FMatrixRMaj(72, 4), null));
        assertTrue(e.getMessage().contains("needs a training forward pass"), e.getMessage());
    }

    /** One instance through batches of 3, then 5, then an empty one: each backward sees only its own batch. */
    @Test
    void batchSizesChangeAndAnEmptyBatchHasNoGradient() {
        Case c = Case.of(6, 6, 8, 4, Padding.SAME);
        WinogradConvolution reused = new WinogradConvolution(c.grid, new EjmlKernels());
        run(reused, c, 3);
        assertArrayEquals(run(new WinogradConvolution(c.grid, new EjmlKernels()), c, 5).dKernel, run(reused, c, 5).dKernel);
        Pass empty = run(reused, c, 0);
        assertArrayEquals(new float[9 * 8 * 4], empty.dKernel);
        assertEquals(0, empty.z.length);
    }

    /** Refused after inference only, and after training then inference. */
    @ParameterizedTest(name = "a training pass first: {0}")
    @ValueSource(booleans = {false, true})
    void backwardWithoutATrainingForwardIsRefused(boolean trainingFirst) {
        Layer layer = Layers.built(new Conv2DProvider(), Map.of("filters", 2, "kernel_size", 3), 5, 5,
                Conv2D.WINOGRAD_MIN_CHANNELS);
        FMatrixRMaj x = RandomMatrices.normal(2, 5 * 5 * Conv2D.WINOGRAD_MIN_CHANNELS, 1);
        if (trainingFirst) {
            layer.forward(x, true);
        }
        layer.forward(x, false);
        NnException e = assertThrows(NnException.class, () -> layer.backward(new FMatrixRMaj(2, 3 * 3 * 2), true));
        assertTrue(e.getMessage().contains("needs a forward pass with training=true"), e.getMessage());
    }

    @Test
    void tilesThatDoNotFitAThreeByThreeWindowAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WinogradTiles(5, 5, 2, 2, 10, 5, 1, 1));
        assertTrue(e.getMessage().contains("an output of 10x5 do not fit a 3x3 window of stride 1 over 5x5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WinogradTiles(5, 5, 2, 2, 3, 3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new WinogradTiles(5, 5, 0, 2, 3, 3, 0, 0));
    }

    @Test
    void fitsOnlyStrideOneUndilatedThreeByThree() {
        assertTrue(WinogradConvolution.fits(THREE, ONE, ONE));
        assertFalse(WinogradConvolution.fits(new int[] {3, 2}, ONE, ONE));
        assertFalse(WinogradConvolution.fits(THREE, new int[] {2, 1}, ONE));
        assertFalse(WinogradConvolution.fits(THREE, ONE, new int[] {1, 2}));
    }
}
