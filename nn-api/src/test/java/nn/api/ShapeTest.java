package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void scalarHasSizeOneAndIsStoredAsOneByOne() {
        Shape s = Shape.of();
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(1, s.rows());
        assertEquals(1, s.columns());
        assertEquals("()", s.toString());
    }

    @Test
    void vectorIsStoredAsOneRow() {
        Shape s = Shape.of(300);
        assertEquals(1, s.rank());
        assertEquals(300, s.size());
        assertEquals(1, s.rows());
        assertEquals(300, s.columns());
        assertEquals("(300,)", s.toString());
        assertEquals("(None, 300)", s.withBatch());
    }

    @Test
    void matrixIsStoredAsItself() {
        Shape s = Shape.of(784, 300);
        assertEquals(2, s.rank());
        assertEquals(784 * 300, s.size());
        assertEquals(784, s.rows());
        assertEquals(300, s.columns());
        assertEquals("(784, 300)", s.toString());
        assertEquals("(None, 784, 300)", s.withBatch());
    }

    @Test
    void rankThreeFoldsAllButTheLastDimensionIntoRows() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(3, s.rank());
        assertEquals(24, s.size());
        assertEquals(6, s.rows());
        assertEquals(4, s.columns());
        assertEquals("(2, 3, 4)", s.toString());
        assertEquals("(None, 2, 3, 4)", s.withBatch());
    }

    @Test
    void withBatchSpellsTheKerasInputShape() {
        assertEquals("(None, 28, 28)", Shape.of(28, 28).withBatch());
    }

    @Test
    void dimsAndToList() {
        Shape s = Shape.of(28, 28);
        assertArrayEquals(new int[] {28, 28}, s.dims());
        assertEquals(List.of(28, 28), s.toList());
        assertEquals(28, s.dim(0));
        assertEquals(28, s.dim(1));
    }

    @Test
    void isImmutable() {
        int[] dims = {3, 4};
        Shape s = Shape.of(dims);
        dims[0] = 99;
        assertEquals(Shape.of(3, 4), s);
        s.dims()[1] = 99;
        assertEquals(Shape.of(3, 4), s);
    }

    @Test
    void ofListEqualsOfArray() {
        assertEquals(Shape.of(28, 28), Shape.of(List.of(28, 28)));
        assertEquals(Shape.of(28, 28).hashCode(), Shape.of(List.of(28, 28)).hashCode());
    }

    @Test
    void equality() {
        Shape a = Shape.of(784, 300);
        assertEquals(a, a);
        assertEquals(a, Shape.of(784, 300));
        assertEquals(a.hashCode(), Shape.of(784, 300).hashCode());
        assertNotEquals(a, Shape.of(300, 784));
        assertNotEquals(a, Shape.of(784));
        assertNotEquals(Shape.of(300), Shape.of(300, 1));
        assertNotEquals(Shape.of(), Shape.of(1));
        assertNotEquals(a, null);
        assertNotEquals(a, "(784, 300)");
    }

    @Test
    void zeroDimensionIsRejectedNamingTheShape() {
        NnException e = assertThrows(NnException.class, () -> Shape.of(784, 0));
        assertTrue(e.getMessage().contains("784, 0"), e.getMessage());
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void negativeDimensionIsRejectedNamingTheShape() {
        NnException e = assertThrows(NnException.class, () -> Shape.of(List.of(28, -1)));
        assertTrue(e.getMessage().contains("28, -1"), e.getMessage());
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void aShapeTooLargeToStoreIsRejectedByName() {
        NnException e = assertThrows(NnException.class, () -> Shape.of(100000, 100000));
        assertEquals("shape [100000, 100000] has more than 2147483647 elements", e.getMessage());
        assertEquals("(None,)", Shape.of().withBatch());
    }
}
