package nn.kernels.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run parts 1..n-1 of a task while the calling thread runs
 * part 0. A product of the tutorial takes 10 to 100 microseconds, about what waking a parked
 * thread costs, so a worker first spins on the task counter for {@link #SPIN_NANOS} after its
 * last part and only then parks; the caller wakes parked workers and spins until all are done.
 * One caller at a time.
 */
final class WorkerPool implements AutoCloseable {

    /** A task cut into parts; part {@code t} of {@code parts} runs on one thread. */
    interface Task {
        void run(int t, int parts);
    }

    static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private Task task;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("a pool needs at least 2 threads (the caller and a worker), got " + threads);
        }
        workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].thread.start();
        }
    }

    /** Threads taking part, the caller included. */
    int threads() {
        return workers.length + 1;
    }

    /** Runs all parts of {@code task}, one per thread, and returns when all are done. */
    void run(Task task) {
        if (closed) {
            throw new IllegalStateException("worker pool closed");
        }
        this.task = task;
        pending.set(workers.length);
        generation++; // publishes task to the workers (single writer: the caller)
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        Throwable own = null;
        try {
            task.run(0, threads());
        } catch (Throwable e) {
            own = e;
        }
        while (pending.get() != 0) {
            Thread.onSpinWait();
        }
        this.task = null;
        Throwable theirs = failure;
        failure = null;
        if (own != null || theirs != null) {
            Throwable first = own != null ? own : theirs;
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(first);
        }
    }

    /** Stops the workers; later calls to {@link #run} fail. */
    @Override
    public void close() {
        closed = true;
        generation++;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private final class Worker implements Runnable {
        final int index;
        final Thread thread;
        volatile boolean parked;

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this, "nn-vector-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            int seen = 0; // not the current value: a thread may start after the first task was posted
            while (true) {
                seen = await(seen);
                if (closed) {
                    return;
                }
                try {
                    task.run(index, threads());
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }

        /** Spins, then parks, until the generation moves past {@code seen}; returns the new one. */
        private int await(int seen) {
            long start = System.nanoTime();
            int spins = 0;
            int g;
            while ((g = generation) == seen) {
                if (++spins % 64 != 0 || System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true; // then re-read generation: the caller reads parked after writing it
                    if (generation == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
            return g;
        }
    }
}
