package nn.layers.conv;

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
                if (from < 0) {
                    for (int k = 0; k < c; k++) {
                        out[o + k] = 0f;
                    }
                } else {
                    for (int k = 0, i = base + from; k < c; k++, i++) {
                        out[o + k] = x[i];
                    }
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
                    for (int k = 0, i = base + to; k < c; k++, i++) {
                        dx[i] += in[o + k];
                    }
                }
            }
        }
    }
}
