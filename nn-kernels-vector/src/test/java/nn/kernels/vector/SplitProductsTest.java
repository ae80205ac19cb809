package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How SplitProducts cuts products between threads, seen through a Product that records its blocks. */
class SplitProductsTest {
    /** 32 x 300 x 200 (3.8 MFLOP, above the threshold) and 32 x 100 x 10 (64 KFLOP, below). */
    private static final int[] LARGE = {32, 300, 200};
    private static final int[] SMALL = {32, 100, 10};

    /** The blocks a product computed: which output (first or second), rows i0-i1, columns j0-j1. */
    private record Block(String product, int i0, int i1, int j0, int j1) {
    }

    private static final class Recording implements Product {
        final List<Block> blocks = Collections.synchronizedList(new ArrayList<>());
        float[] firstC;

        @Override
        public void compute(Operands o, int i0, int i1, int j0, int j1, TileScratch scratch) {
            blocks.add(new Block(o.c == firstC ? "first" : "second", i0, i1, j0, j1));
        }
    }

    /** The blocks of running two products of these shapes (m x n x k) with runBoth on {@code threads} threads. */
    private static List<Block> runBoth(int threads, int[] first, int[] second) {
        Recording product = new Recording();
        WorkerPool pool = threads == 1 ? null : new WorkerPool(threads);
        try {
            SplitProducts products = new SplitProducts(product, pool, 16);
            product.firstC = set(products.first(), first);
            set(products.second(), second);
            products.runBoth();
            return new ArrayList<>(product.blocks);
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static float[] set(ProductCall call, int[] shape) {
        int m = shape[0];
        int n = shape[1];
        int k = shape[2];
        float[] c = new float[m * n];
        call.mult(new float[m * k], new float[k * n], c, m, n, k);
        return c;
    }

    private static long count(List<Block> blocks, String product) {
        return blocks.stream().filter(b -> b.product().equals(product)).count();
    }

    @Test
    void onTwoThreadsTwoLargeProductsRunWholeSideBySide() {
        List<Block> blocks = runBoth(2, LARGE, LARGE);
        assertEquals(List.of(new Block("first", 0, 32, 0, 300), new Block("second", 0, 32, 0, 300)),
                blocks.stream().sorted((a, b) -> a.product().compareTo(b.product())).toList());
    }

    @Test
    void onFourThreadsEachGetsTwo() {
        List<Block> blocks = runBoth(4, LARGE, LARGE);
        assertEquals(2, count(blocks, "first"), blocks.toString());
        assertEquals(2, count(blocks, "second"), blocks.toString());
    }

    /** Three threads cannot be halved: each product is cut in three in turn, as run() would. */
    @Test
    void onThreeThreadsTheyRunInTurnEachCutInThree() {
        List<Block> blocks = runBoth(3, LARGE, LARGE);
        assertEquals(3, count(blocks, "first"), blocks.toString());
        assertEquals(3, count(blocks, "second"), blocks.toString());
        assertEquals(3, count(blocks.subList(0, 3), "first"), "the first product is done before the second starts: " + blocks);
    }

    /** A small product is not worth a hand-over: with one, both run in turn, the large one cut. */
    @Test
    void aSmallProductMakesThemRunInTurn() {
        List<Block> blocks = runBoth(2, LARGE, SMALL);
        assertEquals(2, count(blocks, "first"), blocks.toString());
        assertEquals(List.of(new Block("second", 0, 32, 0, 100)),
                blocks.stream().filter(b -> b.product().equals("second")).toList());
    }

    @Test
    void withoutThreadsBothRunWhole() {
        assertEquals(List.of(new Block("first", 0, 32, 0, 300), new Block("second", 0, 32, 0, 300)),
                runBoth(1, LARGE, LARGE));
    }
}
