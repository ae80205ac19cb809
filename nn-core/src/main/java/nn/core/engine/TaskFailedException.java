package nn.core.engine;

import nn.api.NnException;

/**
 * A run of a {@link RemoteTask} failed: the message names the task, the input's index and the
 * failure; {@link #input()} and {@link #failure()} let a caller name the input its own way.
 */
public final class TaskFailedException extends NnException {
    private final int input;
    private final String failure;

    /** A failure of the run on input {@code input} (from 0). */
    public TaskFailedException(String task, int input, String failure) {
        super("task " + task + " failed on input " + input + ": " + failure);
        this.input = input;
        this.failure = failure;
    }

    /** A failure of the whole job, not of one input's run (e.g. a cluster lost). */
    public TaskFailedException(String message) {
        super(message);
        this.input = -1;
        this.failure = message;
    }

    /** The index of the input whose run failed, or -1 when the failure is not one run's. */
    public int input() {
        return input;
    }

    /** What went wrong, without the task and input. */
    public String failure() {
        return failure;
    }
}
