package nn.kernels.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that, with the calling thread, run the parts of a task. Parts are
 * claimed one at a time from a counter, so the caller does the parts no worker got to: a worker
 * that is slow to wake (or has no core) delays nothing. A product of the tutorial takes 10 to 100
 * microseconds, about what waking a parked thread costs, so a worker waits for the next task
 * spinning (then yielding) for {@link #SPIN_NANOS} after its last part before it parks. One
 * caller at a time.
 */
final class WorkerPool implements AutoCloseable {

    /** A task cut into parts; each part runs once, on some thread of the pool. */
    interface Task {
        void run(int part, int parts);
    }

    static final long SPIN_NANOS = 200_000;
    /** About 10-20 microseconds of pauses: most waits between and within products are shorter. */
    private static final int SPINS_BEFORE_YIELD = 1000;

    private final Worker[] workers;
    /** Generation of the current task in the high 32 bits, next unclaimed part in the low ones. */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    /** A task is in progress: set and cleared by the caller, read by any thread that calls {@link #run}. */
    private volatile boolean running;
    private Task task;
    private int parts;
    private volatile Throwable failure;
    private volatile int inUse;

    WorkerPool(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("a pool needs at least 2 threads (the caller and a worker), got " + threads);
        }
        workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].thread.start();
        }
        inUse = threads;
    }

    /** Threads taking part, the caller included: all of them unless {@link #use} asked for fewer. */
    int inUse() {
        return inUse;
    }

    /** All the pool's threads, the caller included. */
    int size() {
        return workers.length + 1;
    }

    /**
     * Lets the tasks that follow be cut into at most {@code threads} parts; the workers left out
     * neither wake nor claim parts, and park once they have waited {@link #SPIN_NANOS}.
     */
    void use(int threads) {
        if (threads < 1 || threads > size()) {
            throw new IllegalArgumentException("threads in use must be from 1 to " + size() + ", got " + threads);
        }
        inUse = threads;
    }

    /**
     * Runs parts 0 to parts-1 of {@code task} and returns when all are done; a single part runs on
     * the caller without waking the workers. A part that calls this again (a task calling its own
     * kernels) is refused: it would reset the task in progress.
     */
    void run(Task task, int parts) {
        if (closed) {
            throw new IllegalStateException("worker pool closed");
        }
        if (running) {
            throw new IllegalStateException("the kernels were called from inside one of their own parallel tasks "
                    + "(e.g. a forEachRange task); a task must not use the kernels that run it");
        }
        running = true;
        try {
            if (parts == 1) {
                task.run(0, 1);
            } else {
                runTask(task, parts);
            }
        } finally {
            running = false;
        }
    }

    private void runTask(Task task, int parts) {
        this.task = task;
        this.parts = parts;
        done.set(0);
        int g = generation + 1;
        claims.set((long) g << 32);
        generation = g; // single writer: the caller
        for (int w = 0; w < parts - 1 && w < workers.length; w++) { // worker w + 1 could take a part
            if (workers[w].parked) {
                LockSupport.unpark(workers[w].thread);
            }
        }
        runParts(g);
        for (int spins = 0; done.get() < parts; spins++) {
            pause(spins);
        }
        this.task = null;
        Throwable first = failure;
        failure = null;
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
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

    /** Claims and runs parts of generation g until none is left (or g is over). */
    private void runParts(int g) {
        while (true) {
            long c = claims.get();
            if ((int) (c >>> 32) != g || (int) c >= parts) {
                return;
            }
            if (claims.compareAndSet(c, c + 1)) {
                try {
                    task.run((int) c, parts); // task and parts are g's: g cannot end before this part is done
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /**
     * One turn of a wait loop: CPU pauses at first, then yields. When the threads outnumber the
     * free cores, a pure spin takes half a core from the thread it waits for (measured with other
     * builds running: a 1.3 MFLOP product took 18 us on 2 threads against 11 on 1; 13 with
     * yields); a yield gives the core back.
     */
    private static void pause(int spins) {
        if (spins < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;
        /** 1 for the first worker (the caller is thread 0): it takes part while {@code index < inUse}. */
        final int index;
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
                runParts(seen);
            }
        }

        /**
         * Spins, then parks, until the generation moves past {@code seen} while this worker is in
         * use (or the pool closes); returns the new generation.
         */
        private int await(int seen) {
            long start = System.nanoTime();
            int spins = 0;
            while (waiting(seen)) {
                if (++spins % 64 != 0 || System.nanoTime() - start < SPIN_NANOS) {
                    pause(spins);
                } else {
                    parked = true; // then re-read: the caller reads parked after writing generation
                    if (waiting(seen)) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
            return generation;
        }

        /** No new task for this worker since generation {@code seen} (or it is left out), and the pool is open. */
        private boolean waiting(int seen) {
            return !closed && (generation == seen || index >= inUse);
        }
    }
}
