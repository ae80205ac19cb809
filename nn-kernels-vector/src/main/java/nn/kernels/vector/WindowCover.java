package nn.kernels.vector;

import java.util.Arrays;

/**
 * How the windows of a window table cover a sample, which decides how a max-pool gradient may
 * write dx: {@link #OVERLAPPING} windows add into it, {@link #DISJOINT} ones (no input in two
 * windows) store into it after it is zeroed, {@link #TILING} ones (every input in exactly one
 * window) store every element, so it needs no zeroing. Looks at the table on every call (a pass
 * over the offsets, far less than the gradient's pass over the batch), with a scratch array that
 * only grows, so a warm step allocates nothing.
 */
final class WindowCover {
    static final int OVERLAPPING = 0;
    static final int DISJOINT = 1;
    static final int TILING = 2;

    private boolean[] seen = new boolean[0];

    /** The cover of windows at {@code offsets} (-1 for padding) over samples of {@code sampleSize} floats. */
    int of(int[] offsets, int sampleSize, int channels) {
        int positions = sampleSize / channels;
        if (seen.length < positions) {
            seen = new boolean[positions];
        }
        Arrays.fill(seen, 0, positions, false);
        int covered = 0;
        for (int offset : offsets) {
            if (offset >= 0) {
                int position = offset / channels;
                if (seen[position]) {
                    return OVERLAPPING;
                }
                seen[position] = true;
                covered++;
            }
        }
        return covered == positions ? TILING : DISJOINT;
    }
}
