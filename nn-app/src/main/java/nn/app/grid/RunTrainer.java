package nn.app.grid;

import java.util.List;
import nn.app.report.RunResult;

/**
 * Trains a list of runs, each into the folder its settings name, and returns what each ended with,
 * in the order given: one after another in this process ({@link SequentialRuns}) or spread by an
 * engine ({@link EngineRuns}). Both give the same numbers.
 */
public interface RunTrainer extends AutoCloseable {

    List<RunResult> train(List<NamedRun> runs);

    /** Releases what the trainer holds, e.g. its engine. */
    @Override
    default void close() {
    }
}
