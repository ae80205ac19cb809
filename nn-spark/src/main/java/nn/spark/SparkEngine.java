package nn.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import nn.api.NnException;
import nn.core.engine.Engine;
import nn.core.engine.RemoteTasks;
import nn.core.engine.TaskFailedException;
import nn.core.engine.TaskOutcome;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * An {@link Engine} on Apache Spark: each input becomes one partition and so one Spark task, and the
 * outputs are collected in partition order, which is the order of the inputs. One SparkContext
 * serves every engine of the JVM (Spark allows one): the first engine starts it, the last one
 * closed stops it.
 */
public final class SparkEngine implements Engine {
    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static JavaSparkContext shared;
    private static int users;

    private final JavaSparkContext context;
    private final String master;
    private boolean closed;

    private SparkEngine(JavaSparkContext context, String master) {
        this.context = context;
        this.master = master;
    }

    /**
     * Connects to {@code master} (e.g. {@code local[2]}, {@code spark://host:7077}, {@code yarn}),
     * starting the JVM's SparkContext if none is running; settings come from Spark's usual places
     * ({@code spark.*} system properties, spark-submit's options).
     *
     * @param jars shipped to the executors (as {@code spark.jars}) unless the master is local[N], where
     *     executors share this JVM's classes, or {@code spark.jars} is set already (spark-submit's {@code --jars})
     */
    public static synchronized SparkEngine connect(String master, List<Path> jars) {
        if (shared == null) {
            SparkConf conf = new SparkConf().setAppName("nn").setMaster(master);
            if (!inThisJvm(master) && !conf.contains("spark.jars") && !jars.isEmpty()) {
                conf.setJars(jars.stream().map(Path::toString).toArray(String[]::new));
            }
            // executors on the class path need the incubating Vector API resolved for nn's fast kernels
            String executorOptions = conf.get(EXECUTOR_OPTIONS, "");
            if (!executorOptions.contains(VECTOR_MODULE)) {
                conf.set(EXECUTOR_OPTIONS, (executorOptions + " --add-modules=" + VECTOR_MODULE).trim());
            }
            shared = start(conf);
        } else if (!shared.master().equals(master)) {
            throw new TaskFailedException("this JVM's Spark context runs on " + shared.master() + "; it cannot also connect to "
                    + master);
        }
        users++;
        return new SparkEngine(shared, master);
    }

    /**
     * Spark's errors are Scala's: a SparkException (checked in Java) thrown undeclared, e.g. for a master
     * URL Spark cannot parse, so every exception is caught and named with the master.
     */
    static JavaSparkContext start(SparkConf conf) {
        try {
            return withSparkClassLoader(() -> new JavaSparkContext(conf));
        } catch (Exception e) {
            throw new NnException("Spark cannot start on master " + conf.get("spark.master", "(none)") + ": " + rootMessage(e), e);
        }
    }

    /** {@code local}, {@code local[4]}, {@code local[*, 2]}: executors are threads here (not {@code local-cluster[...]}). */
    static boolean inThisJvm(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    @Override
    public List<TaskOutcome> runEach(String task, List<byte[]> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        List<byte[]> envelopes;
        try {
            envelopes = withSparkClassLoader(() -> context.parallelize(inputs, inputs.size()).map(new EnvelopedTask(task)).collect());
        } catch (Exception e) { // as in start: Spark's SparkException escapes undeclared, e.g. spark.driver.maxResultSize exceeded
            throw new TaskFailedException("the Spark job of task " + task + " on " + master + " failed: " + rootMessage(e));
        }
        return envelopes.stream().map(RemoteTasks::outcome).toList();
    }

    /** Spark wraps a lost executor or a killed job in layers of SparkException; the first line of the innermost says what happened. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof SparkException || root.getMessage() == null ? String.valueOf(root.getMessage())
                : root.getClass().getName() + ": " + root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Spark finds its classes and the tasks' classes through the thread's context class loader: under
     * the launcher that must be nn-spark's own loader, not the module path's.
     */
    private static <T> T withSparkClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SparkEngine.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public String description() {
        return "spark " + master;
    }

    @Override
    public void close() {
        synchronized (SparkEngine.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--users == 0) {
                shared.stop();
                shared = null;
            }
        }
    }
}
