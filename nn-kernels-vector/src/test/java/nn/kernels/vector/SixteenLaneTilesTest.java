package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import nn.kernels.vector.Reference.Op;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The 16-lane path of {@link TiledProduct}: 8 x 3 tiles over rows side by side (x<sup>T</sup> as it
 * is, a row-major x copied by {@link PackedRows} 256 rows at a time) and the edge tile past the
 * panels, against the FMA chain bit for bit on 1, 2 and 3 threads. 512-bit vectors are pinned, so
 * the path is tested on any machine (without AVX-512 the Vector API runs them as plain Java).
 */
class SixteenLaneTilesTest {
    /**
     * m x n x k: every edge width from 1 to 15 past two or more panels (x<sup>T</sup> takes the 8 x 3
     * tiles from one panel on, a row-major x from two); short last groups; two chunks of rows
     * (300); several blocks of k; and the cuts between threads: rows at 44 (4 mod 8) for 84 rows on
     * 2 threads, at 32 and 68 for 100 rows on 3, columns at 48 for 13 x 108 on 2; and fewer columns
     * than a vector (the edge tile alone), the tutorial's last layer and deep enough for several
     * blocks of k.
     */
    private static final int[][] SHAPES = {
        {8, 97, 7}, {13, 98, 33}, {9, 99, 1}, {3, 100, 20}, {16, 101, 5}, {21, 102, 130}, {5, 103, 2}, {8, 104, 9},
        {11, 105, 3}, {24, 106, 17}, {1, 107, 40}, {7, 108, 11}, {17, 109, 4}, {40, 110, 8}, {6, 111, 6},
        {13, 159, 260}, {13, 60, 33}, {300, 100, 50}, {84, 100, 120}, {100, 100, 120}, {13, 108, 400}, {33, 96, 129},
        {19, 144, 1}, {256, 10, 100}, {13, 10, 1100}, {21, 5, 600},
    };

    private static VectorKernels sixteenLanes() {
        return new VectorKernels(FloatVector.SPECIES_512);
    }

    @Test
    void productsEqualTheFmaChainOnAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(16);
        try (VectorKernels one = sixteenLanes(); VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            for (int[] s : SHAPES) {
                for (Op op : Op.values()) {
                    FMatrixRMaj[] ab = op.operands(s[0], s[1], s[2], random);
                    float[] chain = Reference.fmaChain(op, ab[0], ab[1]).data;
                    String shape = op + " " + s[0] + "x" + s[1] + "x" + s[2];
                    assertArrayEquals(chain, VectorKernelsTest.run(one, op, ab[0], ab[1]).data, shape + " on 1 thread");
                    assertArrayEquals(chain, VectorKernelsTest.run(two, op, ab[0], ab[1]).data, shape + " on 2 threads");
                    assertArrayEquals(chain, VectorKernelsTest.run(three, op, ab[0], ab[1]).data, shape + " on 3 threads");
                }
            }
        }
    }

    /** multAddTransA goes on from c's value: through copied short groups, the edge tile and row cuts. */
    @Test
    void accumulatingProductsGoOnWithEachChain() {
        SplittableRandom random = new SplittableRandom(17);
        try (VectorKernels one = sixteenLanes(); VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            for (int[] s : new int[][] {{13, 50, 600}, {84, 60, 300}, {100, 60, 300}, {21, 111, 90}, {13, 100, 200}, {21, 10, 1300}}) {
                FMatrixRMaj[] ab = Op.TRANS_A.operands(s[0], s[1], s[2], random);
                float[] chain = Reference.fmaChain(Op.TRANS_A, ab[0], ab[1]).data;
                int cut = s[2] / 3;
                for (VectorKernels kernels : new VectorKernels[] {one, two, three}) {
                    FMatrixRMaj c = Reference.nans(s[0], s[1]);
                    kernels.multTransA(VectorKernelsTest.rows(ab[0], 0, cut), VectorKernelsTest.rows(ab[1], 0, cut), c);
                    kernels.multAddTransA(VectorKernelsTest.rows(ab[0], cut, s[2]), VectorKernelsTest.rows(ab[1], cut, s[2]), c);
                    assertArrayEquals(chain, c.data, s[0] + "x" + s[1] + "x" + s[2] + " in two pieces on "
                            + kernels.threads() + " threads");
                }
            }
        }
    }
}
