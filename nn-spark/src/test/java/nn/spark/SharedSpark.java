package nn.spark;

import java.util.List;

/**
 * The one Spark engine of the test JVM: starting Spark takes seconds, so every test class shares
 * it, and it is never closed (the JVM's exit ends it). Its master is {@code local[2]} (executors are
 * threads of this JVM) unless {@code -Dnn.test.spark.master} names another: the build runs the Spark
 * tests a second time on {@code local-cluster[2,1,1024]}, executors in JVMs of their own as on a
 * real cluster, from the Spark home {@link LocalClusterHome} makes.
 */
final class SharedSpark {
    static final String MASTER = System.getProperty("nn.test.spark.master", "local[2]");
    private static SparkEngine engine;

    private SharedSpark() {
    }

    static synchronized SparkEngine engine() {
        if (engine == null) {
            if (MASTER.startsWith("local-cluster[")) {
                LocalClusterHome.prepare();
            }
            engine = SparkEngine.connect(MASTER, List.of());
        }
        return engine;
    }
}
