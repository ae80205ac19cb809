package nn.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FeaturesTest {

    /** Pixels 0..255 as i / 255f, as the Fashion-MNIST reader scales them. */
    private static final float PIXEL_DIVISOR = 255f;

    /** Three rows of two bytes: (0, 1), (127, 128), (254, 255). */
    private static Features threeByteRows() {
        return Features.ofBytes(new byte[] {0, 1, 127, (byte) 128, (byte) 254, (byte) 255}, 2, PIXEL_DIVISOR);
    }

    /** Four rows of three floats: row r holds 10r, 10r + 1, 10r + 2. */
    private static FMatrixRMaj fourFloatRows() {
        FMatrixRMaj m = new FMatrixRMaj(4, 3);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 10 * (i / 3) + i % 3;
        }
        return m;
    }

    @Test
    void bytesReadAsUnsignedIndicesIntoTheTable() {
        Features f = threeByteRows();
        assertEquals(3, f.rows());
        assertEquals(2, f.columns());
        float[] row = new float[2];
        f.copyRow(1, row, 0);
        assertArrayEquals(new float[] {127 / 255.0f, 128 / 255.0f}, row);
        f.copyRow(2, row, 0);
        assertArrayEquals(new float[] {254 / 255.0f, 1.0f}, row);
    }

    @Test
    void everyByteValueReadsAsExactlyItsTableEntry() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        float[] row = new float[256];
        Features.ofBytes(all, 256, PIXEL_DIVISOR).copyRow(0, row, 0);
        for (int i = 0; i < 256; i++) {
            assertEquals(Float.floatToRawIntBits(i / 255.0f), Float.floatToRawIntBits(row[i]), "byte " + i);
        }
    }

    @Test
    void theBytesAreShared() {
        byte[] bytes = {1, 2};
        Features f = Features.ofBytes(bytes, 2, PIXEL_DIVISOR);
        bytes[1] = 3;
        float[] row = new float[2];
        f.copyRow(0, row, 0);
        assertArrayEquals(new float[] {1 / 255.0f, 3 / 255.0f}, row);
    }

    @Test
    void aMatrixIsSharedNotCopied() {
        FMatrixRMaj m = fourFloatRows();
        Features f = Features.of(m);
        assertEquals(4, f.rows());
        assertEquals(3, f.columns());
        m.set(3, 2, -5f);
        float[] row = new float[3];
        f.copyRow(3, row, 0);
        assertArrayEquals(new float[] {30, 31, -5}, row);
    }

    @Test
    void copyRowWritesAtTheOffsetAndNothingElse() {
        float[] dest = {9, 9, 9, 9, 9};
        Features.of(fourFloatRows()).copyRow(2, dest, 1);
        assertArrayEquals(new float[] {9, 20, 21, 22, 9}, dest);
    }

    @Test
    void copyRowsGathersInTheGivenOrderFromTheStartOfTheDestination() {
        int[] order = {3, 0, 2, 0, 1};
        float[] dest = new float[4 * 3];
        dest[dest.length - 1] = 99;
        Features.of(fourFloatRows()).copyRows(order, 1, 3, dest);
        assertArrayEquals(new float[] {0, 1, 2, 20, 21, 22, 0, 1, 2, 0, 0, 99}, dest);
    }

    @Test
    void copyRowsOfBytes() {
        float[] dest = new float[4];
        threeByteRows().copyRows(new int[] {2, 0}, 0, 2, dest);
        assertArrayEquals(new float[] {254 / 255.0f, 1.0f, 0.0f, 1 / 255.0f}, dest);
    }

    @Test
    void copyingNoRowsIsAllowed() {
        float[] dest = {7};
        threeByteRows().copyRows(new int[] {0}, 1, 0, dest);
        assertArrayEquals(new float[] {7}, dest);
    }

    @Test
    void aViewCountsItsRowsFromItsFirst() {
        Features view = Features.of(fourFloatRows()).viewRows(1, 3);
        assertEquals(2, view.rows());
        assertEquals(3, view.columns());
        float[] dest = new float[6];
        view.copyRows(new int[] {1, 0}, 0, 2, dest);
        assertArrayEquals(new float[] {20, 21, 22, 10, 11, 12}, dest);
        Features inner = view.viewRows(1, 2);
        assertArrayEquals(new float[] {20, 21, 22}, inner.toMatrix().data);
    }

    @Test
    void aViewOfBytes() {
        Features view = threeByteRows().viewRows(2, 3);
        assertEquals(1, view.rows());
        assertArrayEquals(new float[] {254 / 255.0f, 1.0f}, view.toMatrix().data);
        assertEquals(0, threeByteRows().viewRows(1, 1).rows());
    }

    @Test
    void aViewDoesNotReachRowsOutsideIt() {
        Features view = Features.of(fourFloatRows()).viewRows(0, 2);
        assertError("features: row is 2, outside rows 0..1", () -> view.copyRow(2, new float[3], 0));
        assertError("features: order[0] is 3, outside rows 0..1", () -> view.copyRows(new int[] {3}, 0, 1, new float[3]));
    }

    @Test
    void toMatrixIsACopy() {
        Features f = threeByteRows();
        FMatrixRMaj m = f.toMatrix();
        assertEquals(3, m.numRows);
        assertEquals(2, m.numCols);
        assertArrayEquals(new float[] {0, 1 / 255.0f, 127 / 255.0f, 128 / 255.0f, 254 / 255.0f, 1.0f}, m.data);
        m.set(0, 0, 5f);
        assertEquals(0f, f.toMatrix().get(0, 0));
    }

    @Test
    void bytesNeedPositiveColumns() {
        assertError("features from bytes: columns is 0, must be positive",
                () -> Features.ofBytes(new byte[4], 0, PIXEL_DIVISOR));
        assertError("features from bytes: columns is -2, must be positive",
                () -> Features.ofBytes(new byte[4], -2, PIXEL_DIVISOR));
    }

    @Test
    void bytesMustBeWholeRows() {
        assertError("features from bytes: 7 values are not whole rows of 2 columns",
                () -> Features.ofBytes(new byte[7], 2, PIXEL_DIVISOR));
    }

    @Test
    void theDivisorMustBeFiniteAndNotZero() {
        assertError("features from bytes: divisor is 0.0, must be a finite number other than 0",
                () -> Features.ofBytes(new byte[4], 2, 0f));
        assertError("features from bytes: divisor is NaN, must be a finite number other than 0",
                () -> Features.ofBytes(new byte[4], 2, Float.NaN));
        assertError("features from bytes: divisor is Infinity, must be a finite number other than 0",
                () -> Features.ofBytes(new byte[4], 2, Float.POSITIVE_INFINITY));
    }

    @Test
    void copyRowsConvertsWithTheGivenKernels() {
        Kernels kernels = spy(new EjmlKernels());
        float[] dest = new float[4];
        threeByteRows().copyRows(new int[] {2, 1}, 0, 2, dest, kernels);
        assertArrayEquals(new float[] {254 / 255f, 1f, 127 / 255f, 128 / 255f}, dest);
        // the whole batch gathered by the kernels, rows of 2 bytes from the first, straight into the batch
        verify(kernels).gatherUnsignedBytes(any(), eq(0), eq(2), any(), eq(0), eq(2), eq(255f), same(dest));
    }

    @Test
    void negativeSizes() {
        assertError("features: -1 rows of 3 columns, neither may be negative", () -> new Features(-1, 3) {
            @Override
            protected void copyCheckedRow(int row, float[] dest, int offset, Kernels kernels) {
            }

            @Override
            protected Features view(int first, int count) {
                return this;
            }
        });
    }

    @Test
    void copyRowOutsideTheRows() {
        Features f = threeByteRows();
        assertError("features: row is -1, outside rows 0..2", () -> f.copyRow(-1, new float[2], 0));
        assertError("features: row is 3, outside rows 0..2", () -> f.copyRow(3, new float[2], 0));
    }

    @Test
    void copyRowWithoutRoom() {
        Features f = threeByteRows();
        assertError("features: cannot write a row of 2 values at offset 1 of a destination of 2",
                () -> f.copyRow(0, new float[2], 1));
        assertError("features: cannot write a row of 2 values at offset -1 of a destination of 4",
                () -> f.copyRow(0, new float[4], -1));
    }

    @Test
    void copyRowsBeyondTheOrder() {
        Features f = threeByteRows();
        int[] order = {0, 1, 2};
        assertError("features: cannot take 2 row indices from index 2 of an order of 3",
                () -> f.copyRows(order, 2, 2, new float[4]));
        assertError("features: cannot take 1 row indices from index -1 of an order of 3",
                () -> f.copyRows(order, -1, 1, new float[4]));
        assertError("features: cannot take -1 row indices from index 0 of an order of 3",
                () -> f.copyRows(order, 0, -1, new float[4]));
    }

    @Test
    void copyRowsWithoutRoom() {
        assertError("features: 3 rows of 2 values do not fit a destination of 5",
                () -> threeByteRows().copyRows(new int[] {0, 1, 2}, 0, 3, new float[5]));
    }

    @Test
    void copyRowsNamesTheBadIndex() {
        assertError("features: order[2] is -4, outside rows 0..2",
                () -> threeByteRows().copyRows(new int[] {0, 1, -4}, 1, 2, new float[4]));
    }

    @Test
    void viewRowsOutsideTheRows() {
        Features f = threeByteRows();
        assertError("features: rows [-1, 2) are outside the 3 rows", () -> f.viewRows(-1, 2));
        assertError("features: rows [1, 4) are outside the 3 rows", () -> f.viewRows(1, 4));
        assertError("features: rows [2, 1) are outside the 3 rows", () -> f.viewRows(2, 1));
    }

    /** Features that only record, in order, which rows were touched and copied. */
    private static final class Recording extends Features {
        final java.util.List<String> events = new java.util.ArrayList<>();

        Recording(int rows) {
            super(rows, 1);
        }

        @Override
        protected void touchCheckedRow(int row) {
            events.add("touch " + row);
        }

        @Override
        protected void copyCheckedRow(int row, float[] dest, int offset, Kernels kernels) {
            events.add("copy " + row);
            dest[offset] = row;
        }

        @Override
        protected Features view(int first, int count) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void copyRowsTouchesEveryRowBeforeItCopiesAny() {
        Recording f = new Recording(3);
        float[] dest = new float[2];
        f.copyRows(new int[] {2, 0, 1, 2}, 1, 2, dest);
        assertEquals(java.util.List.of("touch 0", "touch 1", "copy 0", "copy 1"), f.events);
        assertArrayEquals(new float[] {0, 1}, dest);
    }

    @Test
    void aBadRowIndexIsReportedBeforeAnyRowIsTouched() {
        Recording f = new Recording(3);
        assertError("features: order[2] is -1, outside rows 0..2", () -> f.copyRows(new int[] {0, 1, -1}, 0, 3, new float[3]));
        assertEquals(java.util.List.of(), f.events);
    }

    @Test
    void gatheredRowsOfViewsEqualTheirRowByRowCopies() {
        // widths around a cache line of bytes (64) and of floats (16), and views whose last row ends the array
        for (int columns : new int[] {0, 1, 15, 16, 17, 63, 64, 65, 130, 784}) {
            byte[] bytes = new byte[4 * columns];
            FMatrixRMaj floats = new FMatrixRMaj(4, columns);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 7);
                floats.data[i] = i * 0.5f;
            }
            Features[] stored = columns == 0 ? new Features[] {Features.of(floats)}
                    : new Features[] {Features.ofBytes(bytes, columns, PIXEL_DIVISOR), Features.of(floats)};
            for (Features all : stored) {
                Features view = all.viewRows(1, 4);
                int[] order = {2, 0, 1, 2};
                float[] expected = new float[4 * columns];
                for (int i = 0; i < order.length; i++) {
                    view.copyRow(order[i], expected, i * columns);
                }
                float[] gathered = new float[4 * columns];
                view.copyRows(order, 0, 4, gathered, new EjmlKernels());
                assertArrayEquals(expected, gathered, columns + " columns");
            }
        }
    }

    private static void assertError(String message, Executable action) {
        assertEquals(message, assertThrows(NnException.class, action).getMessage());
    }
}
