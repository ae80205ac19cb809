package nn.layers.conv;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * Turns a convolution into one matrix product: {@link #gather} lays each window of each sample out
 * as a row of {@code taps * channels} values (zeros for padding), rows ordered (sample, output row,
 * output column); times the kernel stored as (kh * kw * in) x out this gives the channels_last
 * output directly. {@link #scatterAdd} is its transpose, for the input gradient.
 */
final class Im2Col {

    private Im2Col() {
    }

    /** cols = the windows of samples [first, first + count) of x; cols must be (count * positions) x (taps * channels). */
    static void gather(Windows w, float[] x, int sampleSize, int first, int count, FMatrixRMaj cols) {
        int c = w.channels;
        int[] offsets = w.offsets;
        float[] out = cols.data;
        int o = 0;
        for (int s = 0; s < count; s++) {
            int base = (first + s) * sampleSize;
            for (int t = 0; t < offsets.length; t++, o += c) {
                int from = offsets[t];
                if (c == 1) {
                    out[o] = from < 0 ? 0f : x[base + from];
                } else if (from < 0) {
                    Arrays.fill(out, o, o + c, 0f);
                } else {
                    System.arraycopy(x, base + from, out, o, c);
                }
            }
        }
    }

    /** dx += the transpose of {@link #gather} applied to dcols, for samples [0, count); padding taps are dropped. */
    static void scatterAdd(Windows w, FMatrixRMaj dcols, int sampleSize, int count, float[] dx) {
        int c = w.channels;
        int[] offsets = w.offsets;
        float[] in = dcols.data;
        int o = 0;
        for (int s = 0; s < count; s++) {
            int base = s * sampleSize;
            for (int t = 0; t < offsets.length; t++, o += c) {
                int to = offsets[t];
                if (to >= 0) {
                    int i = base + to;
                    for (int k = 0; k < c; k++) {
                        dx[i + k] += in[o + k];
                    }
                }
            }
        }
    }
}
