package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class VariableTest {

    @Test
    void kernelIsStoredAsItsMatrix() {
        Variable v = new Variable("dense/kernel:0", Shape.of(784, 300), true);
        assertEquals("dense/kernel:0", v.path());
        assertEquals(Shape.of(784, 300), v.shape());
        assertTrue(v.trainable());
        assertEquals(784, v.value().numRows);
        assertEquals(300, v.value().numCols);
        assertEquals(784 * 300, v.size());
        assertEquals(784, v.gradient().numRows);
        assertEquals(300, v.gradient().numCols);
    }

    @Test
    void vectorIsStoredAsOneRow() {
        Variable v = new Variable("batch_normalization/gamma:0", Shape.of(300), true);
        assertEquals(1, v.value().numRows);
        assertEquals(300, v.value().numCols);
        assertEquals(300, v.size());
        assertEquals(1, v.gradient().numRows);
        assertEquals(300, v.gradient().numCols);
    }

    @Test
    void rankThreeIsStoredWithTheLastDimensionAsColumns() {
        Variable v = new Variable("conv/kernel:0", Shape.of(3, 3, 16, 32), false);
        assertEquals(3 * 3 * 16, v.value().numRows);
        assertEquals(32, v.value().numCols);
    }

    @Test
    void startsAtZero() {
        Variable v = new Variable("d/kernel:0", Shape.of(2, 3), true);
        assertArrayEquals(new float[6], v.value().data);
        assertArrayEquals(new float[6], v.gradient().data);
    }

    @Test
    void valueAndGradientAreSeparateLiveBuffers() {
        Variable v = new Variable("d/kernel:0", Shape.of(2, 3), true);
        assertSame(v.value(), v.value());
        assertSame(v.gradient(), v.gradient());
        assertNotSame(v.value(), v.gradient());
        v.value().set(1, 2, 5f);
        assertEquals(5f, v.value().get(1, 2));
        assertEquals(0f, v.gradient().get(1, 2));
    }

    @Test
    void nonTrainableHasNoGradient() {
        Variable v = new Variable("batch_normalization/moving_mean:0", Shape.of(300), false);
        assertFalse(v.trainable());
        NnException e = assertThrows(NnException.class, v::gradient);
        assertEquals("variable batch_normalization/moving_mean:0 is not trainable and has no gradient", e.getMessage());
    }

    @Test
    void assignCopiesValues() {
        Variable v = new Variable("d/kernel:0", Shape.of(2, 3), true);
        float[] values = {1, 2, 3, 4, 5, 6};
        v.assign(values);
        assertEquals(3f, v.value().get(0, 2));
        assertEquals(4f, v.value().get(1, 0));
        values[0] = 99;
        assertEquals(1f, v.value().get(0, 0), "assign copies");
    }

    @Test
    void assignWithWrongLengthNamesPathAndShape() {
        Variable v = new Variable("dense/kernel:0", Shape.of(784, 300), true);
        NnException e = assertThrows(NnException.class, () -> v.assign(new float[3]));
        assertEquals("variable dense/kernel:0 of shape (784, 300) needs 235200 values, got 3", e.getMessage());
        Variable bias = new Variable("dense/bias:0", Shape.of(300), true);
        NnException e2 = assertThrows(NnException.class, () -> bias.assign(new float[301]));
        assertEquals("variable dense/bias:0 of shape (300,) needs 300 values, got 301", e2.getMessage());
    }

    @Test
    void failedAssignLeavesTheValue() {
        Variable v = new Variable("d/bias:0", Shape.of(2), true);
        v.assign(new float[] {1, 2});
        assertThrows(NnException.class, () -> v.assign(new float[] {7, 8, 9}));
        assertArrayEquals(new float[] {1, 2}, v.value().data);
    }

    @Test
    void toStringIsPathAndShape() {
        assertEquals("dense/kernel:0 (784, 300)", new Variable("dense/kernel:0", Shape.of(784, 300), true).toString());
    }

    @Test
    void valueIsAnFMatrix() {
        FMatrixRMaj m = new Variable("s/w:0", Shape.of(), true).value();
        assertEquals(1, m.numRows);
        assertEquals(1, m.numCols);
    }
}
