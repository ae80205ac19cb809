package nn.core.engine;

/**
 * A piece of work an {@link Engine} can run anywhere: bytes in, bytes out, found by name with
 * {@link java.util.ServiceLoader} where it runs (so a module that provides one also lists it in
 * {@code META-INF/services}, for engines that run nn on the class path). Implementations keep no
 * state between runs that changes their results: an engine may run a task again after a failure.
 */
public interface RemoteTask {

    /** The name engines are asked to run it by, e.g. {@code nn.train-run}. */
    String name();

    /** Does the work; a failure is reported to the caller by the engine, with its message. */
    byte[] run(byte[] input) throws Exception;
}
