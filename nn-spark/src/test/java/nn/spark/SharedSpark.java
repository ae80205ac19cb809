package nn.spark;

/**
 * The one Spark engine of the test JVM, on {@code local[2]}: starting Spark takes seconds, so every
 * test class shares it, and it is never closed (the JVM's exit ends it).
 */
final class SharedSpark {
    static final String MASTER = "local[2]";
    private static SparkEngine engine;

    private SharedSpark() {
    }

    static synchronized SparkEngine engine() {
        if (engine == null) {
            engine = SparkEngine.connect(MASTER, java.util.List.of());
        }
        return engine;
    }
}
