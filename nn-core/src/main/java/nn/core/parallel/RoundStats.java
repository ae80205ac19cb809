package nn.core.parallel;

import java.util.Locale;

/**
 * What the rounds of a data-parallel fit cost so far: their count, the bytes sent to and received
 * from each worker, and where the time went: encoding the weights (and slots) for the workers on the
 * driver (broadcast), the slowest worker's computing, the rest of the engine's time (moving the
 * bytes both ways, scheduling, the workers' decoding and encoding), and combining the results on the
 * driver (collect).
 */
public record RoundStats(long rounds, long tasks, long bytesSent, long bytesReceived, long encodeNanos, long computeNanos,
        long engineNanos, long totalNanos) {

    public static final RoundStats NONE = new RoundStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** @param compute the slowest worker's computing in this round */
    RoundStats plus(int tasks, long sent, long received, long encode, long compute, long engine, long total) {
        return new RoundStats(rounds + 1, this.tasks + tasks, bytesSent + sent, bytesReceived + received, encodeNanos + encode,
                computeNanos + compute, engineNanos + engine, totalNanos + total);
    }

    /**
     * One line for people, e.g. {@code 1875 rounds of 2.0 tasks, 1.281 MB out and 1.275 MB back per task,
     * 8.01 ms a round: 0.52 encoding, 3.10 computing (slowest worker), 2.90 moving and scheduling, 1.49 combining}.
     */
    public String describe() {
        if (rounds == 0) {
            return "no rounds";
        }
        double encode = encodeNanos / 1e6 / rounds;
        double compute = computeNanos / 1e6 / rounds;
        double engine = engineNanos / 1e6 / rounds;
        double total = totalNanos / 1e6 / rounds;
        return String.format(Locale.ROOT, "%d rounds of %.1f tasks, %.3f MB out and %.3f MB back per task, %.2f ms a round:"
                + " %.2f encoding, %.2f computing (slowest worker), %.2f moving and scheduling, %.2f combining",
                rounds, (double) tasks / rounds, bytesSent / 1e6 / tasks, bytesReceived / 1e6 / tasks, total, encode, compute,
                engine - compute, total - engine - encode);
    }
}
