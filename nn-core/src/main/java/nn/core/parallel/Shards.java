package nn.core.parallel;

import java.util.Arrays;

/**
 * How a batch is cut among workers: contiguous pieces in order, sizes as even as possible, the
 * first ones one row larger when the rows do not divide evenly (10 rows for 4 workers: 3, 3, 2, 2).
 * A batch smaller than the number of workers leaves the last workers an empty piece.
 */
final class Shards {

    private Shards() {
    }

    /** The rows of piece {@code shard} of {@code workers}, from the batch {@code order[from, from + rows)}. */
    static int[] piece(int[] order, int from, int rows, int workers, int shard) {
        int start = from + start(rows, workers, shard);
        int end = from + start(rows, workers, shard + 1);
        return Arrays.copyOfRange(order, start, end);
    }

    /** Where piece {@code shard} starts within a batch of {@code rows}; piece {@code workers} is the end. */
    static int start(int rows, int workers, int shard) {
        int base = rows / workers;
        int larger = rows % workers;
        return shard * base + Math.min(shard, larger);
    }
}
