package nn.core.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Makes engines of one kind, found with {@link java.util.ServiceLoader} by {@link #name()}: nn-spark
 * provides {@code spark}. As DJL's engine providers: a name and a factory.
 */
public interface EngineProvider {

    /** The kind, e.g. {@code spark}. */
    String name();

    /**
     * An engine connected to {@code master}, e.g. {@code local[2]}, {@code spark://host:7077} or
     * {@code yarn} for Spark; the caller closes it.
     *
     * @param jars what workers in other processes need on their class path to run nn's tasks (nn's
     *     jars and their libraries); engines running tasks in this process ignore them
     */
    Engine connect(String master, List<Path> jars);
}
