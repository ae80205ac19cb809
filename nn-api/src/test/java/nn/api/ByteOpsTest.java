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

    @Test
    void gatheringTakesTheIndexedRowsFromTheOffsetInOrder() {
        // rows of 3 bytes from offset 2: row 0 = {10, 20, 30}, row 1 = {40, 50, (byte) 200}
        byte[] src = {1, 2, 10, 20, 30, 40, 50, (byte) 200};
        float[] dst = {7, 7, 7, 7, 7, 7, 7};
        ByteOps.gatherUnsignedBytes(src, 2, 3, new int[] {0, 1, 0, 1}, 1, 2, 10f, dst);
        assertArrayEquals(new float[] {4f, 5f, 20f, 1f, 2f, 3f, 7}, dst);
    }

    @Test
    void gatheringNamesABadRowIndexOrRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ByteOps.gatherUnsignedBytes(new byte[8], 2, 3, new int[] {0, 2}, 0, 2, 1f, new float[6]));
        assertTrue(e.getMessage().contains("rows[1] = 2 is outside the 2 rows of 3 bytes from offset 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ByteOps.gatherUnsignedBytes(new byte[8], 0, 2, new int[] {0, -1}, 1, 1, 1f, new float[6]));
        assertTrue(e.getMessage().contains("rows[1] = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ByteOps.gatherUnsignedBytes(new byte[8], 0, 2, new int[] {0, 1}, 1, 2, 1f, new float[6]));
        assertTrue(e.getMessage().contains("cannot gather 2 rows of 2 bytes from offset 0 of 8 bytes, by indices 1 on of 2"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ByteOps.gatherUnsignedBytes(new byte[8], 0, 2, new int[] {0, 1}, 0, 2, 1f, new float[3]));
    }
}
