import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Is the machine's second core usable right now? Two checks a round, for a few rounds:
 * <ul>
 * <li>compute: 8 independent chains of fused multiply-adds on one thread, then on two at once
 * (two real cores: both take about as long);</li>
 * <li>sharing: two threads take turns updating one 64 KB array, as the parts of a step hand data to
 * each other (about 1.2 us a turn on session 10's Zen 4 VM when the two vCPUs share a cache, 3.5 us
 * in the windows when two-thread training steps ran 2.5x slower);</li>
 * <li>distance: the round trip of one cache line between the two threads, the best of three runs
 * of 100,000 (session 15's Zen 5 VM: 50-90 ns while the host keeps both vCPUs on one core complex,
 * when a batch-32 step on two threads takes 0.25 ms; 440-530 ns while it keeps them apart, when
 * the same step takes 0.45-0.60 ms and one thread is faster).</li>
 * </ul>
 * nn's two-thread figures are only worth taking while both stay at their good values.
 *
 * <pre>java nn-bench/scripts/TwoCores.java [rounds]
 * java nn-bench/scripts/TwoCores.java trip      # only the round trip, in ns (for when_fast.sh)</pre>
 */
public class TwoCores {
    private static final long FMA_STEPS = 50_000_000L;
    private static final int SHARED_FLOATS = 16_384;
    private static final int TURNS = 40_000;
    private static final int ROUND_TRIPS = 100_000;
    private static volatile double sink;

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("trip")) { // the round trip alone, in nanoseconds: a quick probe
            System.out.printf(Locale.ROOT, "%.0f%n", lineRoundTripNanos());
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int warmUp = 0; warmUp < 3; warmUp++) { // compiled before the first timed round
            millis(() -> fmaChains(FMA_STEPS), 2);
        }
        for (int round = 1; round <= rounds; round++) {
            double one = millis(() -> fmaChains(FMA_STEPS), 1);
            double two = millis(() -> fmaChains(FMA_STEPS), 2);
            double turn = sharedTurnMicros();
            double roundTrip = lineRoundTripNanos();
            System.out.printf(Locale.ROOT,
                    "round %d: fma 1 thread %.0f ms, 2 threads %.0f ms (%.2fx); 64 KB turn %.2f us; line round trip %.0f ns%n",
                    round, one, two, two / one, turn, roundTrip);
        }
    }

    /** Wall time of {@code threads} threads each running {@code work} once. */
    private static double millis(Runnable work, int threads) throws InterruptedException {
        Thread[] all = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            all[t] = new Thread(work);
            all[t].start();
        }
        for (Thread t : all) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void fmaChains(long steps) {
        double a = 1, b = 1.1, c = 1.2, d = 1.3, e = 1.4, f = 1.5, g = 1.6, h = 1.7;
        double m = 0.9999999;
        double s = 1e-9;
        for (long i = 0; i < steps; i++) {
            a = Math.fma(a, m, s);
            b = Math.fma(b, m, s);
            c = Math.fma(c, m, s);
            d = Math.fma(d, m, s);
            e = Math.fma(e, m, s);
            f = Math.fma(f, m, s);
            g = Math.fma(g, m, s);
            h = Math.fma(h, m, s);
        }
        sink = a + b + c + d + e + f + g + h;
    }

    /** Mean microseconds of one turn: each thread waits for its turn, then rewrites the whole array. */
    private static double sharedTurnMicros() throws InterruptedException {
        float[] shared = new float[SHARED_FLOATS];
        AtomicInteger turn = new AtomicInteger();
        Thread other = new Thread(() -> takeOddTurns(shared, turn));
        other.start();
        takeEvenTurns(shared, turn, 0); // untimed: both threads compiled and running
        long start = System.nanoTime();
        takeEvenTurns(shared, turn, 2 * TURNS);
        double micros = (System.nanoTime() - start) / 1e3 / (2 * TURNS);
        other.interrupt();
        other.join();
        return micros;
    }

    /** Best mean nanoseconds of a round trip of one cache line: this thread adds 1, the other adds 1 back. */
    private static double lineRoundTripNanos() throws InterruptedException {
        AtomicLong line = new AtomicLong();
        Thread other = new Thread(() -> {
            for (long odd = 1; !Thread.currentThread().isInterrupted(); odd += 2) {
                while (line.get() != odd) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    Thread.onSpinWait();
                }
                line.set(odd + 1);
            }
        });
        other.setDaemon(true); // never keeps the JVM alive, whatever happens to this thread
        other.start();
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 4; run++) { // the first run untimed: both threads compiled and running
            long start = System.nanoTime();
            for (int trip = 0; trip < ROUND_TRIPS; trip++) {
                long even = line.get();
                line.set(even + 1);
                for (int spins = 0; line.get() != even + 2; spins++) {
                    if (spins > 1_000_000) { // the other vCPU descheduled: let it run
                        Thread.yield();
                    }
                    Thread.onSpinWait();
                }
            }
            if (run > 0) {
                best = Math.min(best, (System.nanoTime() - start) / (double) ROUND_TRIPS);
            }
        }
        other.interrupt();
        other.join();
        return best;
    }

    /** Turns first, first + 2, ... for TURNS turns. */
    private static void takeEvenTurns(float[] shared, AtomicInteger turn, int first) {
        for (int t = first; t < first + 2 * TURNS; t += 2) {
            while (turn.get() != t) {
                Thread.onSpinWait();
            }
            update(shared);
            turn.incrementAndGet();
        }
    }

    /** Every odd turn, until interrupted. */
    private static void takeOddTurns(float[] shared, AtomicInteger turn) {
        for (int t = 1; ; t += 2) {
            while (turn.get() != t) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Thread.onSpinWait();
            }
            update(shared);
            turn.incrementAndGet();
        }
    }

    private static void update(float[] shared) {
        for (int i = 0; i < shared.length; i++) {
            shared[i] = shared[i] * 0.5f + 1f;
        }
    }
}
