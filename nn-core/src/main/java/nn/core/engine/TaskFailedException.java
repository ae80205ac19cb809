package nn.core.engine;

import nn.api.NnException;

/** A run of a {@link RemoteTask} failed: the message names the task, the input's index and the failure. */
public final class TaskFailedException extends NnException {

    public TaskFailedException(String message) {
        super(message);
    }
}
