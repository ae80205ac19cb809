package nn.spark;

import nn.core.engine.RemoteTasks;
import org.apache.spark.api.java.function.Function;

/**
 * What Spark ships to the executors: only the task's name. The executor finds the task by that name
 * and runs it on the input bytes; the result, or the failure's message, comes back as an envelope of
 * bytes ({@link RemoteTasks}), so no nn class is Java-serialized and a deterministic failure is not
 * retried.
 */
final class EnvelopedTask implements Function<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    private final String task;

    EnvelopedTask(String task) {
        this.task = task;
    }

    @Override
    public byte[] call(byte[] input) {
        return RemoteTasks.runEnveloped(task, input);
    }
}
