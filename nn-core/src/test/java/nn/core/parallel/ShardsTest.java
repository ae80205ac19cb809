package nn.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ShardsTest {
    private static final int[] ORDER = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 42, 43};

    @Test
    void piecesAreContiguousInOrderAndTheFirstOnesTakeTheRemainder() {
        // the batch order[1, 11): 10 rows for 4 workers: 3, 3, 2, 2
        assertArrayEquals(new int[] {8, 7, 6}, Shards.piece(ORDER, 1, 10, 4, 0));
        assertArrayEquals(new int[] {5, 4, 3}, Shards.piece(ORDER, 1, 10, 4, 1));
        assertArrayEquals(new int[] {2, 1}, Shards.piece(ORDER, 1, 10, 4, 2));
        assertArrayEquals(new int[] {0, 42}, Shards.piece(ORDER, 1, 10, 4, 3));
    }

    @Test
    void aBatchSmallerThanTheWorkersLeavesTheLastOnesEmpty() {
        assertArrayEquals(new int[] {43}, Shards.piece(ORDER, 11, 1, 2, 0));
        assertArrayEquals(new int[0], Shards.piece(ORDER, 11, 1, 2, 1));
    }
}
