package nn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nn.api.NnException;

/**
 * The engine of one process: tasks run on a pool of threads of this JVM, through the same bytes and
 * envelopes as on a cluster, so a run here and a run on Spark compute the same things.
 */
public final class LocalEngine implements Engine {
    private final int threads;
    private final Function<String, RemoteTask> tasks;
    private final ExecutorService pool;

    /** @param threads tasks run at the same time (each task may use more threads of its own kernels) */
    public LocalEngine(int threads) {
        this(threads, RemoteTasks::find);
    }

    /** With tasks looked up by {@code tasks} instead of {@link RemoteTasks#find}, e.g. in tests. */
    public LocalEngine(int threads, Function<String, RemoteTask> tasks) {
        if (threads < 1) {
            throw new NnException("an in-process engine needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
        this.tasks = tasks;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "nn-engine");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<TaskOutcome> runEach(String task, List<byte[]> inputs) {
        RemoteTask found = tasks.apply(task);
        List<Future<byte[]>> futures = new ArrayList<>();
        for (byte[] input : inputs) {
            futures.add(pool.submit(() -> RemoteTasks.runEnveloped(found, input)));
        }
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (Future<byte[]> future : futures) {
            outcomes.add(RemoteTasks.outcome(await(future)));
        }
        return outcomes;
    }

    private static byte[] await(Future<byte[]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NnException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            throw new NnException("a task could not run: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public String description() {
        return "in-process, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
