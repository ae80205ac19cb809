package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReluOpsTest {

    @Test
    void passesTheGradientExactlyWhereTheOutputIsAboveZero() {
        float[] y = {2f, 0f, Float.MIN_VALUE, 0f, 7.5f, Float.NaN};
        float[] dy = {3f, 4f, -6f, -4f, -0.25f, 1.5f};
        float[] dx = new float[6];
        ReluOps.backward(y, dy, dx, 0, 6);
        assertArrayEquals(new float[] {3f, 0f, -6f, 0f, -0.25f, 1.5f}, dx);
        assertEquals(0, Float.floatToRawIntBits(dx[3]), "+0, not -0, where y is 0 and dy negative");
    }

    @Test
    void aNaNGoesByItsSignBitAndMinusZeroPasses() {
        float signedNaN = Float.intBitsToFloat(0xffc00000); // x86's 0/0
        float[] y = {Float.NaN, signedNaN, -0f};
        float[] dy = {2f, 3f, 4f};
        float[] dx = new float[3];
        ReluOps.backward(y, dy, dx, 0, 3);
        assertArrayEquals(new float[] {2f, 0f, 4f}, dx);
        assertEquals(0, Float.floatToRawIntBits(dx[1]));
    }

    @Test
    void touchesOnlyItsRangeAndMayWriteOverTheGradient() {
        float[] y = {1f, 0f, 1f, 0f};
        float[] g = {5f, 6f, 7f, 8f};
        ReluOps.backward(y, g, g, 1, 3);
        assertArrayEquals(new float[] {5f, 0f, 7f, 8f}, g);
    }

    @Test
    void theKernelsDefaultIsTheReference() {
        float[] y = {0f, 1f, 0f, 2f, 3f};
        float[] dy = {1f, 2f, 3f, 4f, 5f};
        float[] dx = new float[5];
        new EjmlKernels().reluBackward(y, dy, dx, 4);
        assertArrayEquals(new float[] {0f, 2f, 0f, 4f, 0f}, dx);
    }

    @Test
    void aCountBeyondAnArrayIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EjmlKernels().reluBackward(new float[4], new float[3], new float[4], 4));
        assertTrue(e.getMessage().contains("cannot take 4 values from y of 4, dy of 3 into dx of 4 floats"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReluOps.check(new float[4], new float[4], new float[4], -1));
    }
}
