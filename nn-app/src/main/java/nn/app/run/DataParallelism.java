package nn.app.run;

import java.util.Optional;
import nn.app.BadOption;

/**
 * How a run trains data-parallel ({@code train --workers N [--sync-every K] [--spark MASTER]}):
 * each batch cut into {@code workers} shards; the shards' gradients combined every step
 * ({@code syncEvery} 1) or the workers' weights and optimizer slots averaged after {@code syncEvery}
 * local steps each; on Spark when {@code spark} names a master, else on threads of this process.
 * Workers and sync-every decide the results; the engine does not.
 */
public record DataParallelism(int workers, int syncEvery, Optional<String> spark) {

    /** Each value in range, else a {@link BadOption} naming its option. */
    public DataParallelism {
        if (workers < 1) {
            throw new BadOption("--workers", "must be a positive number, got " + workers);
        }
        if (syncEvery < 1) {
            throw new BadOption("--sync-every", "must be a positive number of steps, got " + syncEvery);
        }
        if (spark.isPresent() && spark.get().isBlank()) {
            throw new BadOption("--spark", "must name a master, e.g. local[2] or spark://host:7077");
        }
    }

    /** The same workers and sync, run on {@code spark} (empty: in this process). */
    public DataParallelism on(Optional<String> spark) {
        return new DataParallelism(workers, syncEvery, spark);
    }
}
