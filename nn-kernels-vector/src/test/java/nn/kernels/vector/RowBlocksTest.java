package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nn.kernels.vector.Reference.Op;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * multTransA with its rows handed over in blocks: the bits of the FMA chains, every row in exactly
 * one block, each block final when handed over, on the thread that computed it.
 */
class RowBlocksTest {

    /** (m, k, n) of c = a<sup>T</sup> b, a being k x m: the tutorial's first-layer weight gradient at batch 32 and 256, odd and tiny ones. */
    private static List<int[]> shapes() {
        return List.of(new int[] {784, 32, 300}, new int[] {784, 256, 300}, new int[] {300, 32, 200},
                new int[] {100, 32, 10}, new int[] {13, 5, 7}, new int[] {9, 700, 2000}, new int[] {1, 1, 1},
                new int[] {61, 40, 33});
    }

    @Test
    void blocksCoverEveryRowOnceWithTheBitsOfTheWholeProduct() {
        SplittableRandom random = new SplittableRandom(31);
        try (VectorKernels one = new VectorKernels();
                VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            for (int[] s : shapes()) {
                FMatrixRMaj a = Reference.random(s[1], s[0], random);
                FMatrixRMaj b = Reference.random(s[1], s[2], random);
                float[] expected = Reference.fmaChain(Op.TRANS_A, a, b).data;
                for (VectorKernels kernels : new VectorKernels[] {one, two, three}) {
                    String what = s[0] + "x" + s[1] + "x" + s[2] + " on " + kernels.threads() + " threads";
                    FMatrixRMaj c = Reference.nans(s[0], s[2]);
                    int[] handedOver = new int[s[0]];
                    List<String> notFinal = Collections.synchronizedList(new ArrayList<>());
                    kernels.multTransA(a, b, c, (from, to) -> {
                        for (int r = from; r < to; r++) {
                            synchronized (handedOver) {
                                handedOver[r]++;
                            }
                            int at = r * s[2];
                            if (!Arrays.equals(expected, at, at + s[2], c.data, at, at + s[2])) {
                                notFinal.add("row " + r);
                            }
                        }
                    });
                    assertArrayEquals(expected, c.data, what);
                    int[] once = new int[s[0]];
                    Arrays.fill(once, 1);
                    assertArrayEquals(once, handedOver, "each row handed over once, " + what);
                    assertEquals(List.of(), notFinal, "rows final when handed over, " + what);
                }
            }
        }
    }

    @Test
    void blocksHoldAtMost8192FloatsOfWholeRowsGrowingWithDepth() {
        assertEquals(24, SplitProducts.blockRows(300, 32));
        assertEquals(24, SplitProducts.blockRows(300, 127));
        assertEquals(96, SplitProducts.blockRows(300, 256));
        assertEquals(8, SplitProducts.blockRows(5000, 32), "at least 8 rows, a tile's height");
        assertEquals(8192, SplitProducts.blockRows(1, 0), "one column: 8192 rows of it");
    }

    /** The tutorial's first layer: blocks of 24 rows (32 KB at most), each thread's half of the rows in blocks of its own. */
    @Test
    void theFirstLayersGradientGoesInBlocksOfTwentyFourRowsCutBetweenTheThreads() {
        SplittableRandom random = new SplittableRandom(37);
        FMatrixRMaj a = Reference.random(32, 784, random);
        FMatrixRMaj b = Reference.random(32, 300, random);
        try (VectorKernels two = new VectorKernels().withThreads(2)) {
            List<int[]> blocks = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger largest = new AtomicInteger();
            two.multTransA(a, b, new FMatrixRMaj(784, 300), (from, to) -> {
                blocks.add(new int[] {from, to});
                largest.accumulateAndGet(to - from, Math::max);
            });
            assertEquals(24, largest.get());
            assertEquals(34, blocks.size(), "392 rows a thread: 16 blocks of 24 and one of 8, twice");
            assertTrue(blocks.stream().anyMatch(block -> block[0] == 392), "the second thread's rows start at 392");
        }
    }
}
