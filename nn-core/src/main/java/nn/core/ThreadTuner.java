package nn.core;

import java.util.Arrays;
import java.util.function.LongSupplier;
import nn.api.Kernels;

/**
 * Picks, while a model trains, how many of its kernels' threads the steps use. Kernels give the
 * same bits on any count, so only the time depends on it, and on a shared machine the fastest
 * count changes: on a 2-vCPU VM, batch-32 tutorial steps on 2 threads took 0.42 ms in some
 * stretches and 1.0 ms in others (its two vCPUs then handed data to each other 3x slower), while 1
 * thread took 0.62-0.65 ms throughout (BENCHMARKS.md, issue 14). So every second or so it times a
 * few steps on each candidate count (the threads in use when training starts, then halved down to
 * one) and goes on with the fastest; sooner when the steps on that count change their pace.
 *
 * <p>A probe runs the candidates in blocks of {@link #BLOCK_STEPS} steps, forward then backward
 * (all, half, ..., one, one, ..., half, all) so that a drift in speed (the JIT warming up) hits
 * every candidate alike, and times all but the first step of a block (that one pays for the
 * switch: parked workers waking, data moving to the other core). Until the next probe the steps
 * take at least {@link #RUN_PER_PROBE} times as long as the probe's steps did, so a slow candidate
 * costs a few per cent at most (probes on a change of pace aside), and less while all the threads
 * win clearly ({@link #CLEAR_WIN}). A model keeps its tuner from
 * one {@code fit} to the next, and a probe that a fit ended goes on in the next.
 */
final class ThreadTuner {
    /** The first probe comes this soon: a program may train for a second or two at a time. */
    static final long FIRST_PROBE_NANOS = 200_000_000L;
    /** Least time between two probes while the steps keep their pace. */
    static final long RUN_NANOS = 1_000_000_000L;
    static final int BLOCK_STEPS = 6;
    static final int RUN_PER_PROBE = 20;
    /**
     * A count with fewer threads is chosen only if its median step, made this much longer, is
     * still the shortest: where counts are about as fast, a probe's few steps pick one by chance,
     * and more threads are the better bet.
     */
    static final double MARGIN = 0.1;
    /**
     * This many steps in a row more than this factor slower or faster than the chosen count's
     * median in the last probe start a probe at once: the comparison no longer holds (the
     * machine changed, or the JIT has since compiled the step, which takes steps from milliseconds
     * to a fraction of one).
     */
    static final double PACE_CHANGE = 1.3;
    static final int CHANGED_STEPS = 16;
    /**
     * When all the threads beat every other count by this much, the time to the next probe doubles,
     * up to {@link #MOST_DOUBLINGS} times: fewer threads can then only win if the steps on all of
     * them slow down, which starts a probe at once. Batch 256 on a 2-vCPU VM: 1.45 against 2.6 ms a
     * step, so each probe's twelve one-thread steps cost 1.3 % of the time at a probe a second.
     */
    static final double CLEAR_WIN = 0.25;
    static final int MOST_DOUBLINGS = 3;

    private final Kernels kernels;
    private final LongSupplier nanoClock;
    /** Per candidate, the durations of its timed steps in the current probe. */
    private final long[][] durations;
    private final int[] timed;
    /** The threads in use when training started: the most it tries, and what it leaves in use. */
    private int most;
    /** Thread counts to try, most first. */
    private int[] candidates = {1};
    /** The count chosen in the last probe, 0 before the first. */
    private int chosen;
    /** Its median step in that probe; 0 if the probe timed no step. */
    private long chosenMedian;
    private int changedSteps;
    /** How many probes in a row all the threads won clearly (at most {@link #MOST_DOUBLINGS}). */
    private int clearWins;
    /** Block of the probe in progress, or -1 between probes. */
    private int block = -1;
    private int stepInBlock;
    /** The next step is the first of a fit that goes on with a probe: not timed, as after a switch. */
    private boolean resumed;
    private long probeStepNanos;
    private boolean scheduled;
    private long nextProbe;
    private long stepStart;

    /** @param nanoClock the time in nanoseconds ({@code System::nanoTime}; a test's own clock) */
    ThreadTuner(Kernels kernels, LongSupplier nanoClock) {
        this.kernels = kernels;
        this.nanoClock = nanoClock;
        int mostCandidates = halvings(kernels.threads()).length;
        this.durations = new long[mostCandidates][2 * (BLOCK_STEPS - 1)];
        this.timed = new int[mostCandidates];
    }

    /** {@code threads}, its half, its quarter, ... down to 1. */
    static int[] halvings(int threads) {
        int[] counts = new int[32];
        int n = 0;
        for (int t = Math.max(1, threads); t >= 1; t /= 2) {
            counts[n++] = t;
        }
        return Arrays.copyOf(counts, n);
    }

    /**
     * Call when training starts: tries at most the threads in use now, and starts on the count
     * chosen last, or goes on with the probe the last fit ended in (unless the threads in use
     * changed since: then it starts afresh).
     */
    void start() {
        int inUse = kernels.threadsInUse();
        if (inUse != most) {
            most = inUse;
            candidates = halvings(most);
            chosen = 0;
            chosenMedian = 0;
            clearWins = 0;
            block = -1;
        }
        if (block >= 0) {
            kernels.useThreads(candidates[candidateOf(block)]);
            resumed = true;
        } else if (chosen > 0 && chosen != most) {
            kernels.useThreads(chosen);
        }
        if (!scheduled) {
            nextProbe = nanoClock.getAsLong() + FIRST_PROBE_NANOS;
            scheduled = true;
        }
    }

    /** Call before each step. */
    void beforeStep() {
        if (candidates.length == 1) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (block < 0 && (now - nextProbe >= 0 || changedSteps >= CHANGED_STEPS)) {
            block = 0;
            stepInBlock = 0;
            probeStepNanos = 0;
            Arrays.fill(timed, 0);
            kernels.useThreads(candidates[candidateOf(0)]);
        }
        stepStart = now;
    }

    /** Call after each step. */
    void afterStep() {
        if (candidates.length == 1) {
            return;
        }
        long now = nanoClock.getAsLong();
        long step = now - stepStart;
        if (block < 0) {
            boolean changed = step > PACE_CHANGE * chosenMedian || step * PACE_CHANGE < chosenMedian;
            changedSteps = chosenMedian > 0 && changed ? changedSteps + 1 : 0;
            return;
        }
        probeStepNanos += step;
        if (stepInBlock > 0 && !resumed) {
            int c = candidateOf(block);
            durations[c][timed[c]++] = step;
        }
        resumed = false;
        if (++stepInBlock < BLOCK_STEPS) {
            return;
        }
        stepInBlock = 0;
        if (++block < 2 * candidates.length) {
            kernels.useThreads(candidates[candidateOf(block)]);
        } else {
            block = -1;
            changedSteps = 0;
            chooseFastest();
            kernels.useThreads(chosen);
            nextProbe = now + (Math.max(RUN_NANOS, RUN_PER_PROBE * probeStepNanos) << clearWins);
        }
    }

    /**
     * Call when training ends (also when a step failed): the kernels get back the threads they had
     * at the start; a probe in progress waits for the next fit.
     */
    void finish() {
        if (kernels.threadsInUse() != most) {
            kernels.useThreads(most);
        }
        changedSteps = 0;
    }

    /** The candidate a probe's block {@code b} runs: 0, 1, ..., n - 1, then n - 1, ..., 0. */
    private int candidateOf(int b) {
        return b < candidates.length ? b : 2 * candidates.length - 1 - b;
    }

    /**
     * The candidate with the shortest median step, where fewer threads must win by {@link #MARGIN};
     * counts the probes in a row that all the threads won by {@link #CLEAR_WIN}.
     */
    private void chooseFastest() {
        chosen = candidates[0];
        chosenMedian = 0;
        long allThreads = 0;
        long fewerThreads = Long.MAX_VALUE;
        for (int c = 0; c < candidates.length; c++) {
            long[] d = durations[c];
            int n = timed[c];
            if (n == 0) {
                fewerThreads = 0; // fits of a step or two, each starting untimed: nothing clear
                continue;
            }
            Arrays.sort(d, 0, n);
            long median = (d[(n - 1) / 2] + d[n / 2]) / 2;
            if (c == 0) {
                allThreads = median;
            } else {
                fewerThreads = Math.min(fewerThreads, median);
            }
            if (chosenMedian == 0 || median * (1 + MARGIN) < chosenMedian) {
                chosen = candidates[c];
                chosenMedian = median;
            }
        }
        boolean clear = chosen == candidates[0] && allThreads > 0 && allThreads * (1 + CLEAR_WIN) < fewerThreads;
        clearWins = clear ? Math.min(MOST_DOUBLINGS, clearWins + 1) : 0;
    }
}
