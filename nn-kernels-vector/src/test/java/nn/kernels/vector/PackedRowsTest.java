package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PackedRowsTest {

    /** x(i, p) = 100 i + p, so a packed value names the row and step it came from. */
    private static float[] numbered(int m, int k, boolean transposed) {
        float[] x = new float[m * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                x[transposed ? p * m + i : i * k + p] = 100 * i + p;
            }
        }
        return x;
    }

    private static void assertGroups(Operands o, int i0, int i1) {
        float[] packed = new float[PackedRows.size(i0, i1, o.k)];
        PackedRows.pack(o, i0, i1, packed);
        for (int g = 0; g * 8 < i1 - i0; g++) {
            for (int p = 0; p < o.k; p++) {
                for (int r = 0; r < 8; r++) {
                    int row = Math.min(i0 + 8 * g + r, i1 - 1);
                    assertEquals(100 * row + p, packed[8 * o.k * g + 8 * p + r], 0f,
                            "group " + g + ", step " + p + ", row " + r);
                }
            }
        }
    }

    @Test
    void rowMajorRowsGoIntoGroupsOfEightStepByStepAndALastShortGroupRepeatsItsLastRow() {
        int m = 13;
        int k = 5;
        Operands o = new Operands().set(numbered(m, k, false), k, 1, null, 0, null, 0, m, 0, k);
        assertGroups(o, 0, m);
        assertGroups(o, 2, m);
        assertGroups(o, 4, 12);
        assertEquals(2 * 8 * k, PackedRows.size(0, m, k));
    }

    @Test
    void transposedRowsGoIntoTheSameLayout() {
        int m = 11;
        int k = 3;
        Operands o = new Operands().set(numbered(m, k, true), 1, m, null, 0, null, 0, m, 0, k);
        assertGroups(o, 8, m);
        assertGroups(o, 0, m);
    }

    @Test
    void oneStepRowsAreSideBySideInBothLayouts() {
        int m = 10;
        Operands rowMajor = new Operands().set(numbered(m, 1, false), 1, 1, null, 0, null, 0, m, 0, 1);
        assertGroups(rowMajor, 0, m);
        Operands oneRow = new Operands().set(numbered(1, 6, true), 1, 1, null, 0, null, 0, 1, 0, 6);
        assertGroups(oneRow, 0, 1);
    }

    @Test
    void noRowsNeedNoRoom() {
        assertEquals(0, PackedRows.size(8, 8, 100));
    }

    @Test
    void aThreadsRowSpaceGrowsOnDemandAndIsThenReused() {
        TileScratch scratch = new TileScratch(16);
        assertEquals(8 * 16, scratch.edge.length);
        float[] rows = scratch.rows(1000);
        assertEquals(1000, rows.length);
        assertSame(rows, scratch.rows(10));
        assertEquals(2000, scratch.rows(2000).length);
    }
}
