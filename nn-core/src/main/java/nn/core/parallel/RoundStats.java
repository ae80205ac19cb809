package nn.core.parallel;

import java.util.Locale;

/**
 * What the rounds of a data-parallel fit cost so far: their count, the bytes sent to and received
 * from each worker, and the time spent in the engine (workers' compute and transport) and in all.
 */
public record RoundStats(long rounds, long tasks, long bytesSent, long bytesReceived, long engineNanos, long totalNanos) {

    public static final RoundStats NONE = new RoundStats(0, 0, 0, 0, 0, 0);

    RoundStats plus(int tasks, long sent, long received, long engine, long total) {
        return new RoundStats(rounds + 1, this.tasks + tasks, bytesSent + sent, bytesReceived + received,
                engineNanos + engine, totalNanos + total);
    }

    /** One line for people, e.g. {@code 1875 rounds, 1.28 MB out and 1.28 MB back per task, 3.1 ms a round (2.2 ms in the engine)}. */
    public String describe() {
        if (rounds == 0) {
            return "no rounds";
        }
        return String.format(Locale.ROOT, "%d rounds of %.1f tasks, %.3f MB out and %.3f MB back per task, %.2f ms a round (%.2f ms in the engine)",
                rounds, (double) tasks / rounds, bytesSent / 1e6 / tasks, bytesReceived / 1e6 / tasks,
                totalNanos / 1e6 / rounds, engineNanos / 1e6 / rounds);
    }
}
