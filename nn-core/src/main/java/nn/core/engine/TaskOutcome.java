package nn.core.engine;

import java.util.Optional;

/**
 * How one input's run of a {@link RemoteTask} ended: its output, or the message of its failure. A
 * caller that can use the other inputs' outputs when one fails (e.g. a grid keeping its finished
 * runs) asks an engine for these with {@link Engine#runEach}.
 */
public final class TaskOutcome {
    private final byte[] output;
    private final String failure;

    private TaskOutcome(byte[] output, String failure) {
        this.output = output;
        this.failure = failure;
    }

    public static TaskOutcome output(byte[] output) {
        return new TaskOutcome(output.clone(), null);
    }

    public static TaskOutcome failure(String failure) {
        return new TaskOutcome(null, failure);
    }

    public boolean failed() {
        return failure != null;
    }

    /** What went wrong, empty when the run gave an output. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The output of the run of {@code task} on input {@code index}.
     *
     * @throws TaskFailedException naming the task, the input and the failure, when the run failed
     */
    public byte[] outputOf(String task, int index) {
        if (failed()) {
            throw new TaskFailedException(task, index, failure);
        }
        return output.clone();
    }
}
