package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import nn.api.WindowOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window kernels of {@link VectorKernels} (max pooling) equal {@link WindowOps} bit for bit:
 * every vector width, channel counts around the vector lengths, padding, overlapping windows,
 * ties (values drawn from a few, as after ReLU), and 1 to 3 threads.
 */
class VectorWindowsTest {
    private static final int[] CHANNELS = {1, 3, 4, 8, 15, 16, 17, 32, 33, 64};

    /**
     * The window table of a square pool (side {@code pool}, stride {@code stride}) over an h x w
     * image of c channels, "same" padding when {@code same} (windows may hang over the bottom
     * and right), else "valid".
     */
    static int[] offsets(int h, int w, int c, int pool, int stride, boolean same) {
        int outH = same ? (h + stride - 1) / stride : (h - pool) / stride + 1;
        int outW = same ? (w + stride - 1) / stride : (w - pool) / stride + 1;
        int top = same ? Math.max((outH - 1) * stride + pool - h, 0) / 2 : 0;
        int left = same ? Math.max((outW - 1) * stride + pool - w, 0) / 2 : 0;
        int[] offsets = new int[outH * outW * pool * pool];
        int i = 0;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int ky = 0; ky < pool; ky++) {
                    for (int kx = 0; kx < pool; kx++) {
                        int y = oy * stride - top + ky;
                        int x = ox * stride - left + kx;
                        offsets[i++] = y >= 0 && y < h && x >= 0 && x < w ? (y * w + x) * c : -1;
                    }
                }
            }
        }
        return offsets;
    }

    /**
     * Values from a few levels: many ties within a window, zeros of both signs, all-negative
     * windows and NaN (max pools see BatchNormalization's output, before the relu that Sequential
     * runs after them).
     */
    private static float[] fewValues(int n, SplittableRandom random) {
        float[] choices = {-2, -1, -0f, 0, 0.5f, 1, 2, Float.NaN};
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = choices[random.nextInt(choices.length)];
        }
        return v;
    }

    static float[] normal(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian());
        }
        return v;
    }

    private static void assertSame(VectorKernels kernels, float[] x, int samples, int sampleSize, int[] offsets, int taps,
            int channels, SplittableRandom random, String where) {
        int outSize = WindowOps.outputSize(offsets, taps, channels);
        float[] expected = new float[samples * outSize];
        float[] actual = new float[samples * outSize];
        WindowOps.windowMax(x, samples, sampleSize, offsets, taps, channels, expected);
        kernels.windowMax(x, samples, sampleSize, offsets, taps, channels, actual);
        assertArrayEquals(expected, actual, "max, " + where);
        float[] dy = normal(samples * outSize, random);
        float[] expectedDx = new float[samples * sampleSize];
        float[] actualDx = normal(samples * sampleSize, random); // garbage the kernel must overwrite
        WindowOps.windowMaxGradient(x, expected, dy, samples, sampleSize, offsets, taps, channels, expectedDx);
        kernels.windowMaxGradient(x, expected, dy, samples, sampleSize, offsets, taps, channels, actualDx);
        assertArrayEquals(expectedDx, actualDx, "gradient, " + where);
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void maxAndGradientEqualTheReferenceBitForBit(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        try (VectorKernels one = new VectorKernels(VectorKernelsTest.species(bits));
                VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            for (int c : CHANNELS) {
                for (int[] pool : new int[][] {{2, 2, 0}, {3, 2, 1}, {3, 1, 1}, {2, 2, 1}, {2, 1, 0}}) {
                    for (int samples : new int[] {1, 5}) {
                        // 8 x 6: the 2x2 pools of stride 2 tile the image; 7 x 6 leaves a row out
                        int h = samples == 1 ? 7 : 8;
                        int w = 6;
                        int[] offsets = offsets(h, w, c, pool[0], pool[1], pool[2] == 1);
                        int taps = pool[0] * pool[0];
                        String where = bits + " bits, " + h + "x" + w + "x" + c + ", pool " + pool[0] + " stride " + pool[1]
                                + (pool[2] == 1 ? " same" : " valid") + ", " + samples + " samples";
                        float[] x = fewValues(samples * h * w * c, random);
                        for (VectorKernels k : new VectorKernels[] {one, two, three}) {
                            assertSame(k, x, samples, h * w * c, offsets, taps, c, random, where + ", " + k.threads() + " threads");
                        }
                    }
                }
            }
        }
    }

    private static void assertSameColumns(VectorKernels kernels, float[] x, int samples, int sampleSize, int[] offsets,
            int taps, int channels, SplittableRandom random, String where) {
        int rows = offsets.length / taps;
        int first = samples > 1 ? 1 : 0;
        int count = samples - first;
        float[] expected = new float[count * rows * taps * channels];
        float[] actual = normal(expected.length, random);
        WindowOps.windowGather(x, first, count, sampleSize, offsets, taps, channels, expected);
        kernels.windowGather(x, first, count, sampleSize, offsets, taps, channels, actual);
        assertArrayEquals(expected, actual, "gather, " + where);
        float[] cols = normal(samples * rows * taps * channels, random);
        float[] expectedDx = new float[samples * sampleSize];
        float[] actualDx = normal(samples * sampleSize, random);
        WindowOps.windowScatter(cols, samples, sampleSize, offsets, taps, channels, expectedDx);
        kernels.windowScatter(cols, samples, sampleSize, offsets, taps, channels, actualDx);
        assertArrayEquals(expectedDx, actualDx, "scatter, " + where);
    }

    /** im2col and col2im of convolution windows (3x3 and 2x3 same, 3x3 valid, stride 2), from a later first sample too. */
    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void gatherAndScatterEqualTheReferenceBitForBit(int bits) {
        SplittableRandom random = new SplittableRandom(bits + 1);
        try (VectorKernels one = new VectorKernels(VectorKernelsTest.species(bits)); VectorKernels two = one.withThreads(2)) {
            for (int c : CHANNELS) {
                for (int[] window : new int[][] {{3, 1, 1}, {3, 1, 0}, {3, 2, 1}, {2, 1, 1}}) {
                    for (int samples : new int[] {1, 4}) {
                        int h = 7;
                        int w = 6;
                        int[] offsets = offsets(h, w, c, window[0], window[1], window[2] == 1);
                        String where = bits + " bits, " + c + " channels, window " + window[0] + " stride " + window[1]
                                + (window[2] == 1 ? " same" : " valid") + ", " + samples + " samples";
                        float[] x = normal(samples * h * w * c, random);
                        for (VectorKernels k : new VectorKernels[] {one, two}) {
                            assertSameColumns(k, x, samples, h * w * c, offsets, window[0] * window[0], c, random,
                                    where + ", " + k.threads() + " threads");
                        }
                    }
                }
            }
        }
    }

    /** Batches large enough to be cut between threads, and long enough runs for C2 to compile the passes. */
    @ParameterizedTest
    @ValueSource(ints = {256, 512})
    void compiledPassesOnSeveralThreadsStillEqualTheReference(int bits) {
        SplittableRandom random = new SplittableRandom(5);
        int samples = 12;
        int sampleSize = 28 * 28 * 32;
        int[] offsets = offsets(28, 28, 32, 2, 2, false);
        float[] x = fewValues(samples * sampleSize, random);
        float[] dy = normal(samples * 14 * 14 * 32, random);
        try (VectorKernels one = new VectorKernels(VectorKernelsTest.species(bits)); VectorKernels two = one.withThreads(2)) {
            float[] expected = new float[dy.length];
            float[] expectedDx = new float[x.length];
            WindowOps.windowMax(x, samples, sampleSize, offsets, 4, 32, expected);
            WindowOps.windowMaxGradient(x, expected, dy, samples, sampleSize, offsets, 4, 32, expectedDx);
            for (VectorKernels k : new VectorKernels[] {one, two}) {
                float[] y = new float[dy.length];
                float[] dx = new float[x.length];
                for (int i = 0; i < 300; i++) {
                    k.windowMax(x, samples, sampleSize, offsets, 4, 32, y);
                    k.windowMaxGradient(x, y, dy, samples, sampleSize, offsets, 4, 32, dx);
                }
                assertArrayEquals(expected, y, k.threads() + " threads: max");
                assertArrayEquals(expectedDx, dx, k.threads() + " threads: gradient");
            }
            int[] conv = offsets(14, 14, 32, 3, 1, true);
            int convSample = 14 * 14 * 32;
            float[] cols = new float[samples * conv.length * 32];
            float[] back = new float[samples * convSample];
            WindowOps.windowGather(x, 0, samples, convSample, conv, 9, 32, cols);
            WindowOps.windowScatter(cols, samples, convSample, conv, 9, 32, back);
            for (VectorKernels k : new VectorKernels[] {one, two}) {
                float[] c = new float[cols.length];
                float[] dx = new float[back.length];
                for (int i = 0; i < 100; i++) {
                    k.windowGather(x, 0, samples, convSample, conv, 9, 32, c);
                    k.windowScatter(c, samples, convSample, conv, 9, 32, dx);
                }
                assertArrayEquals(cols, c, k.threads() + " threads: gather");
                assertArrayEquals(back, dx, k.threads() + " threads: scatter");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512})
    void checksItsArgumentsAsTheReferenceDoes(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        float[] x = new float[8];
        assertThrows(IllegalArgumentException.class, () -> kernels.windowMax(x, 1, 8, new int[] {0, 7}, 2, 2, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> kernels.windowMaxGradient(x, new float[2], new float[2], 1, 8,
                new int[] {0, 2}, 2, 2, new float[7]));
    }
}
