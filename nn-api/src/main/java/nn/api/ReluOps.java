package nn.api;

/**
 * The reference backward pass of the ReLU from its output, as {@link Kernels#reluBackward} does it:
 * {@code dx[i] = y[i] > 0 ? dy[i] : +0}, branch-free on the bits (signs are random, so a branch
 * mispredicts half the time): dy passes where {@code -bits(y) >> 31} is all ones. Exactly: where y
 * is above 0, a NaN with its sign bit clear, or -0 (which max(x, 0) never makes); a NaN with its
 * sign bit set (what x86 makes of 0/0 or inf - inf) gives +0 like y = 0.
 */
public final class ReluOps {

    private ReluOps() {
    }

    /** The pass for {@code from <= i < to}; dx may be dy. */
    public static void backward(float[] y, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = backward(y[i], dy[i]);
        }
    }

    /** One element of the pass: dy if y is above 0 (as the class comment says exactly), else +0. */
    public static float backward(float y, float dy) {
        int keep = -Float.floatToRawIntBits(y) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(dy) & keep);
    }

    /** The argument checks of {@link Kernels#reluBackward}, for implementations to share. */
    public static void check(float[] y, float[] dy, float[] dx, int n) {
        if (n < 0 || n > y.length || n > dy.length || n > dx.length) {
            throw new IllegalArgumentException("reluBackward: cannot take " + n + " values from y of " + y.length
                    + ", dy of " + dy.length + " into dx of " + dx.length + " floats");
        }
    }
}
