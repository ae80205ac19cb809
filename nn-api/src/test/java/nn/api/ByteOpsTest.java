package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteOpsTest {

    @Test
    void readsBytesAsUnsignedAndDividesOnce() {
        byte[] src = {9, 0, (byte) 255, (byte) 128, 51, 9};
        float[] dst = {7, 7, 7, 7, 7};
        ByteOps.unsignedBytesToFloats(src, 1, 255f, dst, 1, 4);
        assertArrayEquals(new float[] {7, 0f, 1f, 128 / 255f, 0.2f}, dst);
    }

    @Test
    void everyByteValueGivesTheDivisionOfItsUnsignedValue() {
        byte[] src = new byte[256];
        for (int i = 0; i < 256; i++) {
            src[i] = (byte) i;
        }
        float[] dst = new float[256];
        new EjmlKernels().unsignedBytesToFloats(src, 0, 255f, dst, 0, 256);
        for (int i = 0; i < 256; i++) {
            assertTrue(dst[i] == i / 255.0f, "byte " + i);
        }
    }

    @Test
    void rangesOutsideEitherArrayAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ByteOps.unsignedBytesToFloats(new byte[4], 2, 255f, new float[10], 0, 3));
        assertTrue(e.getMessage().contains("cannot convert 3 values from offset 2 of 4 bytes to offset 0 of 10 floats"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ByteOps.unsignedBytesToFloats(new byte[4], 0, 255f, new float[2], 0, 3));
        assertThrows(IllegalArgumentException.class, () -> ByteOps.unsignedBytesToFloats(new byte[4], -1, 255f, new float[9], 0, 1));
    }
}
