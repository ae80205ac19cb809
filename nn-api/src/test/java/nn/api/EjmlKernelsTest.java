package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class EjmlKernelsTest {

    private final Kernels kernels = new EjmlKernels();

    /** A (2x3) = [[1, 2, 3], [4, 5, 6]]. */
    private static final float[][] A = {{1, 2, 3}, {4, 5, 6}};
    /** B (3x2) = [[7, 8], [9, 10], [11, 12]]. */
    private static final float[][] B = {{7, 8}, {9, 10}, {11, 12}};
    /** A * B, by hand: [[1*7 + 2*9 + 3*11, 1*8 + 2*10 + 3*12], [4*7 + 5*9 + 6*11, 4*8 + 5*10 + 6*12]]. */
    private static final float[] AB = {58, 64, 139, 154};
    /** B * A (3x3), by hand. */
    private static final float[] BA = {39, 54, 69, 49, 68, 87, 59, 82, 105};

    private static FMatrixRMaj transpose(float[][] m) {
        float[][] t = new float[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return new FMatrixRMaj(t);
    }

    @Test
    void name() {
        assertEquals("ejml", kernels.name());
    }

    @Test
    void hasOneThreadToUse() {
        kernels.useThreads(1);
        assertEquals(1, kernels.threadsInUse());
        NnException e = assertThrows(NnException.class, () -> kernels.useThreads(2));
        assertEquals("kernels ejml: threads in use must be from 1 to 1, got 2", e.getMessage());
    }

    @Test
    void mult() {
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        kernels.mult(new FMatrixRMaj(A), new FMatrixRMaj(B), c);
        assertArrayEquals(AB, c.data);
        FMatrixRMaj d = new FMatrixRMaj(3, 3);
        kernels.mult(new FMatrixRMaj(B), new FMatrixRMaj(A), d);
        assertArrayEquals(BA, d.data);
    }

    @Test
    void multTransA() {
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        kernels.multTransA(transpose(A), new FMatrixRMaj(B), c);
        assertArrayEquals(AB, c.data);
        FMatrixRMaj d = new FMatrixRMaj(3, 3);
        kernels.multTransA(transpose(B), new FMatrixRMaj(A), d);
        assertArrayEquals(BA, d.data);
    }

    @Test
    void multTransB() {
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        kernels.multTransB(new FMatrixRMaj(A), transpose(B), c);
        assertArrayEquals(AB, c.data);
        FMatrixRMaj d = new FMatrixRMaj(3, 3);
        kernels.multTransB(new FMatrixRMaj(B), transpose(A), d);
        assertArrayEquals(BA, d.data);
    }

    /** The default multGradients of c = A B runs multTransB and multTransA: dA = dC B^T and dB = A^T dC by hand. */
    @Test
    void multGradientsGivesBothGradients() {
        FMatrixRMaj dc = new FMatrixRMaj(new float[][] {{1, 0}, {2, -1}});
        FMatrixRMaj da = new FMatrixRMaj(2, 3);
        FMatrixRMaj db = new FMatrixRMaj(3, 2);
        kernels.multGradients(new FMatrixRMaj(A), new FMatrixRMaj(B), dc, da, db);
        // dA = [[1*7 + 0*8, 1*9 + 0*10, 1*11 + 0*12], [2*7 - 8, 2*9 - 10, 2*11 - 12]]
        assertArrayEquals(new float[] {7, 9, 11, 6, 8, 10}, da.data);
        // dB = A^T dC = [[1 + 4*2, -4], [2 + 5*2, -5], [3 + 6*2, -6]]
        assertArrayEquals(new float[] {9, -4, 12, -5, 15, -6}, db.data);
    }

    /** The default multAddTransA adds to c: 100 + A * B by hand. */
    @Test
    void multAddTransAAddsToC() {
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        c.data = new float[] {100, 100, 100, 100};
        kernels.multAddTransA(transpose(A), new FMatrixRMaj(B), c);
        assertArrayEquals(new float[] {158, 164, 239, 254}, c.data);
    }

    /** multAddTransA goes on in multTransA's order: pieces of rows (one empty) give the whole product's bits. */
    @Test
    void multAddTransAOverPiecesOfRowsEqualsTheWholeProduct() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] s : new int[][] {{32, 64, 300}, {64, 3, 50}, {5, 7, 9}}) {
            FMatrixRMaj a = uniform(s[2], s[0], random);
            FMatrixRMaj b = uniform(s[2], s[1], random);
            FMatrixRMaj whole = new FMatrixRMaj(s[0], s[1]);
            kernels.multTransA(a, b, whole);
            int[] cuts = {0, s[2] / 3, s[2] / 3, s[2] / 2 + 1, s[2]};
            FMatrixRMaj c = new FMatrixRMaj(s[0], s[1]);
            for (int piece = 0; piece + 1 < cuts.length; piece++) {
                FMatrixRMaj pa = rows(a, cuts[piece], cuts[piece + 1]);
                FMatrixRMaj pb = rows(b, cuts[piece], cuts[piece + 1]);
                if (piece == 0) {
                    kernels.multTransA(pa, pb, c);
                } else {
                    kernels.multAddTransA(pa, pb, c);
                }
            }
            assertArrayEquals(whole.data, c.data, s[0] + "x" + s[1] + "x" + s[2]);
        }
    }

    private static FMatrixRMaj uniform(int rows, int columns, SplittableRandom random) {
        FMatrixRMaj m = new FMatrixRMaj(rows, columns);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (2 * random.nextDouble() - 1);
        }
        return m;
    }

    private static FMatrixRMaj rows(FMatrixRMaj m, int from, int to) {
        FMatrixRMaj piece = new FMatrixRMaj(to - from, m.numCols);
        System.arraycopy(m.data, from * m.numCols, piece.data, 0, (to - from) * m.numCols);
        return piece;
    }

    @Test
    void outputIsOverwrittenNotAccumulated() {
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        c.data = new float[] {100, 100, 100, 100};
        kernels.mult(new FMatrixRMaj(A), new FMatrixRMaj(B), c);
        assertArrayEquals(AB, c.data);
    }

    @Test
    void inputsAreNotChanged() {
        FMatrixRMaj a = new FMatrixRMaj(A);
        FMatrixRMaj b = new FMatrixRMaj(B);
        kernels.mult(a, b, new FMatrixRMaj(2, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.data);
        assertArrayEquals(new float[] {7, 8, 9, 10, 11, 12}, b.data);
    }

    @Test
    void batchTimesKernelLikeDense() {
        // one sample [1, 1, 1] through a 3x2 kernel gives the column sums
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1, 1, 1}});
        FMatrixRMaj y = new FMatrixRMaj(1, 2);
        kernels.mult(x, new FMatrixRMaj(B), y);
        assertArrayEquals(new float[] {27, 30}, y.data);
    }

    /** The reference owns no threads: closing does nothing, twice included, and it still computes. */
    @Test
    void closingTheReferenceChangesNothing() {
        kernels.close();
        kernels.close();
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        kernels.mult(new FMatrixRMaj(A), new FMatrixRMaj(B), c);
        assertArrayEquals(AB, c.data);
    }
}
