package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import nn.api.ReluOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ReLU's backward pass of {@link VectorKernels} equals {@link ReluOps} bit for bit, at every width, length and thread count. */
class VectorReluTest {

    @ParameterizedTest
    @CsvSource({"128, 1", "256, 1", "512, 1", "512, 2", "256, 2"})
    void equalsTheReferenceForEveryLength(int bits, int threads) {
        try (VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits), threads)) {
            for (int n : new int[] {0, 1, 3, 15, 16, 17, 33, 100, 9_600, 65_536, 76_801}) {
                float[] y = outputs(n + 2, n);
                float[] dy = gradients(n + 2, n);
                float[] expected = new float[n + 2];
                float[] actual = new float[n + 2];
                ReluOps.backward(y, dy, expected, 0, n);
                kernels.reluBackward(y, dy, actual, n);
                assertArrayEquals(expected, actual, bits + " bits, " + threads + " threads, " + n + " values");
                float[] inPlace = dy.clone();
                kernels.reluBackward(y, inPlace, inPlace, n);
                System.arraycopy(dy, n, expected, n, 2);
                assertArrayEquals(expected, inPlace, "in place, " + n + " values, the rest untouched");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512})
    void checksItsArraysAsTheReferenceDoes(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        assertThrows(IllegalArgumentException.class, () -> kernels.reluBackward(new float[10], new float[9], new float[10], 10));
        assertThrows(IllegalArgumentException.class, () -> kernels.reluBackward(new float[10], new float[10], new float[10], -1));
    }

    /** max(x, 0) of normal x, with exact zeros, the smallest positive float, -0 and NaNs of both signs among them. */
    private static float[] outputs(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] y = new float[length];
        for (int i = 0; i < length; i++) {
            y[i] = Math.max((float) random.nextGaussian(), 0f);
        }
        if (length > 20) {
            y[3] = Float.MIN_VALUE;
            y[7] = Float.NaN;
            y[11] = Float.intBitsToFloat(0xffc00000);
            y[19] = -0f;
        }
        return y;
    }

    private static float[] gradients(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        float[] dy = new float[length];
        for (int i = 0; i < length; i++) {
            dy[i] = (float) random.nextGaussian();
        }
        return dy;
    }
}
