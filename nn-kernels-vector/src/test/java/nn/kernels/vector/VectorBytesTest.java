package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import nn.api.ByteOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte conversion of {@link VectorKernels} equals {@link ByteOps} bit for bit, at every width, offset and length. */
class VectorBytesTest {

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void equalsTheReferenceForEveryOffsetAndLength(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        byte[] src = new byte[300];
        new SplittableRandom(bits).nextBytes(src);
        for (int length : new int[] {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 250}) {
            for (int offset : new int[] {0, 1, 5, 300 - length}) {
                float[] expected = new float[length + 3];
                float[] actual = new float[length + 3];
                ByteOps.unsignedBytesToFloats(src, offset, 255f, expected, 2, length);
                kernels.unsignedBytesToFloats(src, offset, 255f, actual, 2, length);
                assertArrayEquals(expected, actual, bits + " bits, " + length + " from " + offset);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 512})
    void compiledConversionStillEqualsTheReference(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        byte[] src = new byte[784];
        new SplittableRandom(1).nextBytes(src);
        float[] actual = new float[784];
        for (int i = 0; i < 5000; i++) {
            kernels.unsignedBytesToFloats(src, 0, 255f, actual, 0, 784);
        }
        float[] expected = new float[784];
        ByteOps.unsignedBytesToFloats(src, 0, 255f, expected, 0, 784);
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {512})
    void checksItsRangesAsTheReferenceDoes(int bits) {
        VectorKernels kernels = new VectorKernels(VectorKernelsTest.species(bits));
        assertThrows(IllegalArgumentException.class, () -> kernels.unsignedBytesToFloats(new byte[40], 30, 255f, new float[40], 0, 20));
        assertThrows(IllegalArgumentException.class, () -> kernels.unsignedBytesToFloats(new byte[40], 0, 255f, new float[10], 0, 20));
    }

    /**
     * Gathering equals the reference on 1, 2 and 3 threads: batches too small to cut, one cut at
     * 4-row multiples (a count that is not one), rows that repeat, a view's offset, empty rows.
     */
    @ParameterizedTest
    @ValueSource(ints = {256, 512})
    void gatheringEqualsTheReferenceOnAnyThreadCount(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        try (VectorKernels one = new VectorKernels(VectorKernelsTest.species(bits)); VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            for (int[] shape : new int[][] {{784, 256}, {784, 250}, {784, 3}, {100, 1000}, {1, 40}, {0, 9}}) {
                int rowLength = shape[0];
                int count = shape[1];
                byte[] src = new byte[7 + 500 * rowLength];
                random.nextBytes(src);
                int[] rows = new int[count + 5];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = random.nextInt(500);
                }
                float[] expected = new float[count * rowLength];
                ByteOps.gatherUnsignedBytes(src, 7, rowLength, rows, 5, count, 255f, expected);
                for (VectorKernels kernels : new VectorKernels[] {one, two, three}) {
                    float[] actual = new float[count * rowLength];
                    kernels.gatherUnsignedBytes(src, 7, rowLength, rows, 5, count, 255f, actual);
                    assertArrayEquals(expected, actual, count + " rows of " + rowLength + " on " + kernels.threads() + " threads");
                }
            }
            assertThrows(IllegalArgumentException.class,
                    () -> two.gatherUnsignedBytes(new byte[40], 0, 10, new int[] {1, 4}, 0, 2, 255f, new float[20]));
        }
    }
}
