package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import nn.api.Kernels;
import org.junit.jupiter.api.Test;

class ThreadTunerTest {
    private static final long MS = 1_000_000L;

    /** Kernels of {@code threads} threads whose steps take {@code stepNanos} of the threads in use, on a clock of their own. */
    private static final class Machine {
        final Kernels kernels = mock(Kernels.class);
        final List<Integer> used = new ArrayList<>();
        long now;
        int inUse;
        IntToLongFunction stepNanos;

        Machine(int threads, IntToLongFunction stepNanos) {
            this.inUse = threads;
            this.stepNanos = stepNanos;
            when(kernels.threads()).thenReturn(threads);
            when(kernels.threadsInUse()).thenAnswer(i -> inUse);
            doAnswer(i -> {
                inUse = i.getArgument(0);
                used.add(inUse);
                return null;
            }).when(kernels).useThreads(anyInt());
        }

        ThreadTuner tuner() {
            ThreadTuner tuner = new ThreadTuner(kernels, () -> now);
            tuner.start();
            return tuner;
        }

        /** Runs steps until {@code nanos} have passed; returns the steps on each thread count (index = count). */
        long[] train(ThreadTuner tuner, long nanos) {
            long[] steps = new long[kernels.threads() + 1];
            long end = now + nanos;
            while (now < end) {
                step(tuner, steps);
            }
            return steps;
        }

        /** Runs {@code count} steps; returns the steps on each thread count (index = count). */
        long[] steps(ThreadTuner tuner, int count) {
            long[] steps = new long[kernels.threads() + 1];
            for (int s = 0; s < count; s++) {
                step(tuner, steps);
            }
            return steps;
        }

        private void step(ThreadTuner tuner, long[] steps) {
            tuner.beforeStep();
            now += stepNanos.applyAsLong(inUse);
            steps[inUse]++;
            tuner.afterStep();
        }
    }

    @Test
    void keepsAllThreadsWhileTheyAreFastest() {
        Machine machine = new Machine(2, t -> t == 2 ? MS * 4 / 10 : MS * 6 / 10);
        ThreadTuner tuner = machine.tuner();
        long[] steps = machine.train(tuner, 60 * 1000 * MS);
        assertEquals(2, machine.inUse);
        assertTrue(steps[1] < steps[2] / 50, "one thread only while probing: " + steps[1] + " against " + steps[2]);
    }

    @Test
    void movesToOneThreadWhileItIsFasterAndBackWhenItIsNot() {
        Machine machine = new Machine(2, t -> t == 2 ? MS : MS * 6 / 10); // a slow window: two threads 1.0 ms
        ThreadTuner tuner = machine.tuner();
        long[] slow = machine.train(tuner, 30 * 1000 * MS);
        assertTrue(slow[2] < slow[1] / 20, "two threads only while probing: " + slow[2] + " against " + slow[1]);

        machine.stepNanos = t -> t == 2 ? MS * 4 / 10 : MS * 6 / 10; // the window is over
        machine.train(tuner, 3 * 1000 * MS); // within a probe's time, back on two
        long[] fast = machine.train(tuner, 30 * 1000 * MS);
        assertTrue(fast[1] < fast[2] / 50, "one thread only while probing: " + fast[1] + " against " + fast[2]);
    }

    @Test
    void probesAtMostEverySecondAndForAFewPerCentOfTheTime() {
        Machine machine = new Machine(2, t -> t == 2 ? 50 * MS : 100 * MS); // long steps: probes take seconds
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, ThreadTuner.FIRST_PROBE_NANOS - 50 * MS);
        verify(machine.kernels, never()).useThreads(anyInt());

        long[] steps = machine.train(tuner, 600 * 1000 * MS);
        long probeSteps = steps[1] * 2; // a probe runs as many steps on each count
        assertTrue(probeSteps * ThreadTuner.RUN_PER_PROBE <= steps[2] + steps[1] + 2 * 2 * ThreadTuner.BLOCK_STEPS,
                steps[1] + " steps on one thread against " + steps[2] + " on two");
    }

    @Test
    void probesLessOftenWhileAllTheThreadsWinClearly() {
        Machine clear = new Machine(2, t -> t == 2 ? MS * 4 / 10 : MS * 8 / 10);
        clear.train(clear.tuner(), 60 * 1000 * MS);
        // probes at 0.2 s, then 1, 2, 4 and 8 s apart: 9 in a minute
        assertEquals(9, probes(clear), "probes in a minute: " + clear.used);

        Machine narrow = new Machine(2, t -> t == 2 ? MS * 4 / 10 : MS * 45 / 100);
        narrow.train(narrow.tuner(), 60 * 1000 * MS);
        assertTrue(probes(narrow) >= 55, "a probe about every second: " + probes(narrow));
    }

    /** Probes so far: each one moves to one thread once (for two blocks) and back. */
    private static long probes(Machine machine) {
        long probes = 0;
        for (int i = 0; i < machine.used.size(); i++) {
            if (machine.used.get(i) == 1 && (i == 0 || machine.used.get(i - 1) != 1)) {
                probes++;
            }
        }
        return probes;
    }

    @Test
    void probesAgainWhenTheStepsOnTheChosenCountSlowDown() {
        Machine machine = new Machine(2, t -> t == 2 ? MS * 4 / 10 : MS * 6 / 10);
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, 500 * MS); // the first probe (at 0.2 s) chose two threads; the next is due after 1.2 s
        assertEquals(2, machine.inUse);
        machine.stepNanos = t -> t == 2 ? MS : MS * 6 / 10;
        long[] steps = machine.train(tuner, 50 * MS);
        assertEquals(1, machine.inUse);
        assertEquals(ThreadTuner.CHANGED_STEPS + 2 * ThreadTuner.BLOCK_STEPS, steps[2]);
    }

    @Test
    void probesAgainWhenTheStepsGetMuchFaster() {
        Machine machine = new Machine(2, t -> t == 2 ? 20 * MS : 13 * MS); // not compiled yet: one thread ahead
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, 800 * MS); // the first probe, at 0.2 s, takes 0.4 s; the next is due after 8 s
        assertEquals(1, machine.inUse);
        machine.stepNanos = t -> t == 2 ? MS * 4 / 10 : MS * 6 / 10; // compiled
        long[] steps = machine.train(tuner, 30 * MS);
        assertEquals(2, machine.inUse);
        assertEquals(ThreadTuner.CHANGED_STEPS + 2 * ThreadTuner.BLOCK_STEPS, steps[1]);
    }

    @Test
    void theNextFitStartsOnTheCountChosenLast() {
        Machine machine = new Machine(2, t -> t == 2 ? MS : MS * 6 / 10);
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, 2000 * MS);
        tuner.finish();
        assertEquals(2, machine.inUse, "between fits (e.g. predict) all threads");
        tuner.start();
        assertEquals(1, machine.inUse);
    }

    @Test
    void staysOnMoreThreadsWhenFewerAreHardlyFaster() {
        Machine machine = new Machine(2, t -> MS * (t == 2 ? 105 : 100) / 100);
        ThreadTuner tuner = machine.tuner();
        long[] steps = machine.train(tuner, 10 * 1000 * MS);
        assertEquals(2, machine.inUse);
        assertTrue(steps[1] < steps[2] / 50, steps[1] + " steps on one thread against " + steps[2] + " on two");
    }

    @Test
    void triesEveryHalvingForwardThenBackward() {
        Machine machine = new Machine(4, t -> MS * (t == 2 ? 3 : 5) / 10);
        ThreadTuner tuner = machine.tuner();
        machine.now = ThreadTuner.RUN_NANOS;
        for (int step = 0; step < 6 * ThreadTuner.BLOCK_STEPS; step++) {
            tuner.beforeStep();
            machine.now += machine.stepNanos.applyAsLong(machine.inUse);
            tuner.afterStep();
        }
        assertEquals(List.of(4, 2, 1, 1, 2, 4, 2), machine.used);
    }

    @Test
    void givesAllThreadsBackWhenTrainingEndsInAProbe() {
        Machine machine = new Machine(2, t -> MS);
        ThreadTuner tuner = machine.tuner();
        machine.now = ThreadTuner.RUN_NANOS;
        tuner.beforeStep(); // the probe starts on two threads, then one
        for (int step = 0; step < ThreadTuner.BLOCK_STEPS; step++) {
            tuner.afterStep();
            tuner.beforeStep();
        }
        assertEquals(1, machine.inUse);
        tuner.finish();
        assertEquals(2, machine.inUse);
    }

    @Test
    void triesNoMoreThreadsThanWereInUseAtTheStart() {
        Machine machine = new Machine(4, t -> MS / t);
        machine.inUse = 2; // the program limited the kernels before training
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, 10 * 1000 * MS);
        assertEquals(Set.of(1, 2), Set.copyOf(machine.used));
        assertEquals(2, machine.inUse);
        machine.stepNanos = t -> MS * t;
        machine.train(tuner, 3 * 1000 * MS);
        assertEquals(1, machine.inUse);
        tuner.finish();
        assertEquals(2, machine.inUse);
    }

    /** Fits shorter than a probe (a program training a batch or two at a time): the probe goes on in the next fit. */
    @Test
    void aProbeGoesOnAcrossShortFits() {
        Machine machine = new Machine(2, t -> t == 2 ? MS : MS * 6 / 10);
        assertMostlyOnOneThread(machine, 2000, tuner -> machine.steps(tuner, 5));
    }

    /** What happens between steps (validation, a checkpoint) does not count as the probe's cost. */
    @Test
    void aPauseInAProbeDoesNotPutOffTheNext() {
        Machine machine = new Machine(2, t -> t == 2 ? MS * 4 / 10 : MS * 45 / 100); // no clear win: probes a second apart
        ThreadTuner tuner = machine.tuner();
        machine.now = ThreadTuner.FIRST_PROBE_NANOS;
        machine.steps(tuner, 3);
        machine.now += 3000 * MS;
        machine.steps(tuner, 4 * ThreadTuner.BLOCK_STEPS);
        machine.used.clear();
        machine.train(tuner, 2 * ThreadTuner.RUN_NANOS);
        assertTrue(machine.used.contains(1), "probes in the 2 s after the first: " + machine.used);
    }

    /** System.nanoTime's origin is arbitrary: its values may be negative. */
    @Test
    void worksOnAClockBelowZero() {
        Machine machine = new Machine(2, t -> t == 2 ? MS : MS * 6 / 10);
        machine.now = -5000 * MS;
        assertMostlyOnOneThread(machine, 10, tuner -> machine.train(tuner, 1000 * MS));
    }

    @Test
    void aNewCapBetweenFitsStartsAfresh() {
        Machine machine = new Machine(4, t -> MS * (t == 2 ? 3 : 5) / 10);
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, 3000 * MS);
        tuner.finish();
        assertEquals(4, machine.inUse);
        machine.kernels.useThreads(3); // the program caps the kernels between fits
        machine.used.clear();
        tuner.start();
        assertEquals(3, machine.inUse, "two threads were chosen among 4, 2 and 1, not among 3 and 1");
        machine.train(tuner, 3000 * MS);
        assertEquals(Set.of(3, 1), Set.copyOf(machine.used));
        tuner.finish();
        assertEquals(3, machine.inUse);
    }

    @Test
    void leavesSingleThreadedKernelsAlone() {
        Machine machine = new Machine(1, t -> MS);
        ThreadTuner tuner = machine.tuner();
        machine.train(tuner, 10 * 1000 * MS);
        tuner.finish();
        verify(machine.kernels, never()).useThreads(anyInt());
    }

    @Test
    void halvesDownToOne() {
        assertArrayEquals(new int[] {1}, ThreadTuner.halvings(1));
        assertArrayEquals(new int[] {2, 1}, ThreadTuner.halvings(2));
        assertArrayEquals(new int[] {3, 1}, ThreadTuner.halvings(3));
        assertArrayEquals(new int[] {5, 2, 1}, ThreadTuner.halvings(5));
        assertArrayEquals(new int[] {8, 4, 2, 1}, ThreadTuner.halvings(8));
        assertArrayEquals(new int[] {6, 3, 1}, ThreadTuner.halvings(6));
    }

    /** Runs {@code fits} fits of {@code fit} on two-thread kernels where one thread is faster: 90 % of the steps must run on one. */
    private static void assertMostlyOnOneThread(Machine machine, int fits, Function<ThreadTuner, long[]> fit) {
        ThreadTuner tuner = machine.tuner();
        tuner.finish();
        long[] steps = new long[3];
        for (int f = 0; f < fits; f++) {
            tuner.start();
            long[] fitSteps = fit.apply(tuner);
            tuner.finish();
            steps[1] += fitSteps[1];
            steps[2] += fitSteps[2];
        }
        assertTrue(steps[2] < (steps[1] + steps[2]) / 10, steps[2] + " steps on two threads against " + steps[1] + " on one");
    }
}
