package nn.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where work that can be spread runs: a set of training runs, or the shards of a data-parallel
 * step. Work goes out and comes back as bytes only (model files, run settings, histories), so an
 * engine may run it in this process ({@link LocalEngine}) or on other machines (nn-spark's
 * engine), and nothing of nn is Java-serialized on the way.
 */
public interface Engine extends AutoCloseable {

    /**
     * Runs the {@link RemoteTask} named {@code task} once for each input, as far as the engine can at
     * the same time, and returns the outputs in the order of the inputs.
     *
     * @throws TaskFailedException naming the task, the input's index and the failure, when any run fails
     */
    default List<byte[]> run(String task, List<byte[]> inputs) {
        List<TaskOutcome> outcomes = runEach(task, inputs);
        List<byte[]> outputs = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            outputs.add(outcomes.get(i).outputOf(task, i));
        }
        return outputs;
    }

    /**
     * Runs the {@link RemoteTask} named {@code task} once for each input as {@link #run} does, and
     * returns each input's outcome in the order of the inputs: a failed run does not hide the others'
     * outputs.
     *
     * @throws TaskFailedException when the job as a whole fails (e.g. a cluster lost), not one run
     */
    List<TaskOutcome> runEach(String task, List<byte[]> inputs);

    /** How many tasks run at the same time, at most (e.g. threads, or a cluster's cores). */
    int parallelism();

    /** For people: e.g. {@code in-process, 2 threads} or {@code spark local[2]}. */
    String description();

    /** Releases threads or the cluster connection. */
    @Override
    void close();
}
