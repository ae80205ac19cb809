package nn.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import nn.api.NnException;

/**
 * Runs {@link RemoteTask}s by name where an engine put them, and carries their outcome back as bytes:
 * an envelope whose first byte says whether the rest is the output or the failure's message. A
 * failure thus travels like a result (no exception crosses the engine, no retry repeats a
 * deterministic error) and becomes one {@link TaskFailedException} on the caller's side.
 */
public final class RemoteTasks {
    private static final byte OUTPUT = 0;
    private static final byte FAILURE = 1;

    private RemoteTasks() {
    }

    /** The task named {@code name} among those visible here (the module path, else the class path). */
    public static RemoteTask find(String name) {
        List<RemoteTask> tasks = load();
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NnException("unknown task '" + name + "'; known tasks: "
                        + String.join(", ", new TreeSet<>(tasks.stream().map(RemoteTask::name).toList()))));
    }

    private static List<RemoteTask> load() {
        List<RemoteTask> tasks = ServiceLoader.load(RemoteTask.class, RemoteTask.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (!tasks.isEmpty() || Thread.currentThread().getContextClassLoader() == null) {
            return tasks;
        }
        // on the class path of a cluster's executor, the job's jars may sit on the context class loader only
        return ServiceLoader.load(RemoteTask.class, Thread.currentThread().getContextClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /** Runs the named task on {@code input}; never throws: a failure becomes the envelope's message. */
    public static byte[] runEnveloped(String name, byte[] input) {
        try {
            return runEnveloped(find(name), input);
        } catch (Throwable e) {
            return envelope(FAILURE, describe(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Runs {@code task} on {@code input}; never throws: a failure becomes the envelope's message. */
    public static byte[] runEnveloped(RemoteTask task, byte[] input) {
        try {
            return envelope(OUTPUT, task.run(input));
        } catch (Throwable e) {
            return envelope(FAILURE, describe(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The output in {@code envelope}, or the failure of input {@code index} as a {@link TaskFailedException}. */
    public static byte[] open(String name, int index, byte[] envelope) {
        return outcome(envelope).outputOf(name, index);
    }

    /** The output or the failure in {@code envelope}; a damaged envelope is a failure. */
    public static TaskOutcome outcome(byte[] envelope) {
        if (envelope == null || envelope.length == 0 || envelope[0] != OUTPUT && envelope[0] != FAILURE) {
            return TaskOutcome.failure("returned no result");
        }
        byte[] content = Arrays.copyOfRange(envelope, 1, envelope.length);
        return envelope[0] == FAILURE ? TaskOutcome.failure(new String(content, StandardCharsets.UTF_8))
                : TaskOutcome.output(content);
    }

    private static byte[] envelope(byte kind, byte[] content) {
        byte[] envelope = new byte[content.length + 1];
        envelope[0] = kind;
        System.arraycopy(content, 0, envelope, 1, content.length);
        return envelope;
    }

    /** nn's own errors say what went wrong in their message; anything else also needs its class, e.g. a plugin's bug. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof NnException && message != null) {
            return message;
        }
        String described = e.getClass().getName() + (message == null ? "" : ": " + message);
        Throwable cause = e.getCause();
        return cause == null || cause == e ? described : described + " (caused by " + describe(cause) + ")";
    }
}
