package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nn.kernels.vector.Reference.Op;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** multGradients: the two gradients of c = a b, side by side on even thread counts, in turn otherwise. */
class MultGradientsTest {

    /**
     * Shapes (m, k, n) of c = a b: the tutorial's dense layers at batch 32 and 256 (both products
     * above the threshold that makes them run side by side, and below it), a batch larger than
     * the layer (multTransB then copies b transposed instead of computing da transposed), and odd ones.
     */
    private static List<int[]> shapes(SplittableRandom random) {
        List<int[]> shapes = new ArrayList<>(List.of(
                new int[] {32, 300, 200}, new int[] {32, 200, 100}, new int[] {32, 100, 10}, new int[] {256, 300, 200},
                new int[] {256, 784, 300}, new int[] {1000, 20, 30}, new int[] {4000, 17, 33}, new int[] {1, 1, 1},
                new int[] {3, 700, 5}));
        for (int s = 0; s < 6; s++) {
            shapes.add(new int[] {1 + random.nextInt(300), 1 + random.nextInt(300), 1 + random.nextInt(300)});
        }
        return shapes;
    }

    @Test
    void giveTheFmaChainsOfBothProductsBitForBitOnAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(23);
        try (VectorKernels one = new VectorKernels();
                VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3);
                VectorKernels four = one.withThreads(4);
                VectorKernels fourCappedAtTwo = one.withThreads(4);
                VectorKernels fourCappedAtThree = one.withThreads(4)) {
            fourCappedAtTwo.useThreads(2);
            fourCappedAtThree.useThreads(3);
            for (int[] s : shapes(random)) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                FMatrixRMaj a = Reference.random(m, k, random);
                FMatrixRMaj b = Reference.random(k, n, random);
                FMatrixRMaj dc = Reference.random(m, n, random);
                float[] da = Reference.fmaChain(Op.TRANS_B, dc, b).data;
                float[] db = Reference.fmaChain(Op.TRANS_A, a, dc).data;
                for (VectorKernels kernels : new VectorKernels[] {one, two, three, four, fourCappedAtTwo, fourCappedAtThree}) {
                    String what = m + "x" + k + "x" + n + " on " + kernels.threadsInUse() + " of " + kernels.threads() + " threads";
                    FMatrixRMaj daOut = Reference.nans(m, k);
                    FMatrixRMaj dbOut = Reference.nans(k, n);
                    kernels.multGradients(a, b, dc, daOut, dbOut);
                    assertArrayEquals(da, daOut.data, "da, " + what);
                    assertArrayEquals(db, dbOut.data, "db, " + what);
                }
            }
        }
    }

    /** Products narrower than a 4 x 3 panel of 16 lanes (64 and 32 columns): only the other tiles compute them. */
    @Test
    void narrowProductsSideBySideToo() {
        SplittableRandom random = new SplittableRandom(29);
        for (int bits : new int[] {128, 256, 512}) {
            try (VectorKernels two = new VectorKernels(VectorKernelsTest.species(bits), 2)) {
                FMatrixRMaj a = Reference.random(640, 64, random);
                FMatrixRMaj b = Reference.random(64, 32, random);
                FMatrixRMaj dc = Reference.random(640, 32, random);
                FMatrixRMaj da = Reference.nans(640, 64);
                FMatrixRMaj db = Reference.nans(64, 32);
                two.multGradients(a, b, dc, da, db);
                assertArrayEquals(Reference.fmaChain(Op.TRANS_B, dc, b).data, da.data, bits + "-bit da");
                assertArrayEquals(Reference.fmaChain(Op.TRANS_A, a, dc).data, db.data, bits + "-bit db");
            }
        }
    }

    /** The checks are ProductOps.checkGradients' (tested in nn-api): here only that VectorKernels makes them. */
    @Test
    void wrongShapesAreRefused() {
        try (VectorKernels two = new VectorKernels().withThreads(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.multGradients(
                    new FMatrixRMaj(32, 300), new FMatrixRMaj(300, 200), new FMatrixRMaj(32, 100), new FMatrixRMaj(32, 300),
                    new FMatrixRMaj(300, 200)));
            assertTrue(e.getMessage().startsWith("multGradients: a is 32x300, b 300x200, dc 32x100"), e.getMessage());
        }
    }
}
