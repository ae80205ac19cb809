package nn.api;

import java.util.Arrays;

/**
 * The reference window kernels of {@link Kernels} (max pooling over 2D windows, and the im2col
 * layout of a convolution and its transpose), plain loops
 * whose results a faster implementation must equal bit for bit. A batch is {@code samples} rows
 * of {@code sampleSize} floats, each a channels_last image; a window table describes where each
 * output position reads: {@code offsets[q * taps + t]} is the offset in a sample of the
 * {@code channels} values of tap t of window q, or -1 where the tap falls on padding (never read).
 * Windows are {@code offsets.length / taps}; an output sample holds windows x channels floats,
 * window by window. Nothing is allocated.
 */
public final class WindowOps {

    private WindowOps() {
    }

    /**
     * y(s, q, k) = the largest x(s, tap, k) over the taps of window q that are not padding:
     * {@code Math.max} in tap order, from negative infinity.
     */
    public static void windowMax(float[] x, int samples, int sampleSize, int[] offsets, int taps, int channels, float[] y) {
        check(x, samples, sampleSize, offsets, taps, channels, y, "y", "windowMax");
        for (int s = 0, o = 0; s < samples; s++) {
            int base = s * sampleSize;
            for (int first = 0; first < offsets.length; first += taps, o += channels) {
                Arrays.fill(y, o, o + channels, Float.NEGATIVE_INFINITY);
                for (int t = first; t < first + taps; t++) {
                    if (offsets[t] >= 0) {
                        int i = base + offsets[t];
                        for (int k = 0; k < channels; k++) {
                            y[o + k] = Math.max(y[o + k], x[i + k]);
                        }
                    }
                }
            }
        }
    }

    /**
     * The gradient of {@link #windowMax}: dx = 0 over the batch, then for each sample, window in
     * order and channel k, {@code dx[i] += dy(s, q, k)} where i is the first tap (not padding) of
     * the window whose x equals y(s, q, k) (TensorFlow's choice among equal maxima).
     */
    public static void windowMaxGradient(float[] x, float[] y, float[] dy, int samples, int sampleSize, int[] offsets,
            int taps, int channels, float[] dx) {
        checkGradient(x, y, dy, samples, sampleSize, offsets, taps, channels, dx);
        Arrays.fill(dx, 0, samples * sampleSize, 0f);
        for (int s = 0, o = 0; s < samples; s++) {
            int base = s * sampleSize;
            for (int first = 0; first < offsets.length; first += taps, o += channels) {
                for (int k = 0; k < channels; k++) {
                    for (int t = first; t < first + taps; t++) {
                        if (offsets[t] >= 0 && x[base + offsets[t] + k] == y[o + k]) {
                            dx[base + offsets[t] + k] += dy[o + k];
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * cols = the windows of samples [first, first + count) of x, laid out as rows (sample, window)
     * of taps x channels values, tap by tap, 0 where a tap is on padding (im2col): one row per
     * window, so that a product with a (taps * channels) x filters kernel gives a convolution.
     */
    public static void windowGather(float[] x, int first, int count, int sampleSize, int[] offsets, int taps, int channels,
            float[] cols) {
        checkGather(x, first, count, sampleSize, offsets, taps, channels, cols);
        int o = 0;
        for (int s = first; s < first + count; s++) {
            int base = s * sampleSize;
            for (int t = 0; t < offsets.length; t++, o += channels) {
                if (offsets[t] < 0) {
                    Arrays.fill(cols, o, o + channels, 0f);
                } else {
                    System.arraycopy(x, base + offsets[t], cols, o, channels);
                }
            }
        }
    }

    /**
     * The transpose of {@link #windowGather} for samples [0, count): dx = 0 over those samples,
     * then for each sample, window and tap in order, {@code dx[offset + k] += cols[row, tap, k]};
     * taps on padding are dropped (col2im).
     */
    public static void windowScatter(float[] cols, int count, int sampleSize, int[] offsets, int taps, int channels,
            float[] dx) {
        checkGather(dx, 0, count, sampleSize, offsets, taps, channels, cols);
        Arrays.fill(dx, 0, count * sampleSize, 0f);
        int o = 0;
        for (int s = 0; s < count; s++) {
            int base = s * sampleSize;
            for (int t = 0; t < offsets.length; t++, o += channels) {
                if (offsets[t] >= 0) {
                    int i = base + offsets[t];
                    for (int k = 0; k < channels; k++) {
                        dx[i + k] += cols[o + k];
                    }
                }
            }
        }
    }

    /** The argument checks of {@link #windowGather} (and of {@link #windowScatter}, with dx as x). */
    public static void checkGather(float[] x, int first, int count, int sampleSize, int[] offsets, int taps, int channels,
            float[] cols) {
        if (first < 0) {
            throw new IllegalArgumentException("windowGather: first sample " + first);
        }
        checkWindows(x, first + count, sampleSize, offsets, taps, channels, "windowGather");
        long colsSize = (long) count * offsets.length * channels;
        if (colsSize > cols.length) {
            throw new IllegalArgumentException("windowGather: cols has " + cols.length + " values, the windows " + colsSize);
        }
    }

    /** The argument checks of {@link #windowMax}, for implementations to share. */
    public static void checkMax(float[] x, int samples, int sampleSize, int[] offsets, int taps, int channels, float[] y) {
        check(x, samples, sampleSize, offsets, taps, channels, y, "y", "windowMax");
    }

    /** The argument checks of {@link #windowMaxGradient}. */
    public static void checkGradient(float[] x, float[] y, float[] dy, int samples, int sampleSize, int[] offsets, int taps,
            int channels, float[] dx) {
        check(x, samples, sampleSize, offsets, taps, channels, y, "y", "windowMaxGradient");
        check(x, samples, sampleSize, offsets, taps, channels, dy, "dy", "windowMaxGradient");
        if ((long) samples * sampleSize > dx.length) {
            throw new IllegalArgumentException("windowMaxGradient: dx has " + dx.length + " values, the batch "
                    + (long) samples * sampleSize);
        }
    }

    /** Output floats of one sample: windows times channels. */
    public static int outputSize(int[] offsets, int taps, int channels) {
        return offsets.length / taps * channels;
    }

    private static void check(float[] x, int samples, int sampleSize, int[] offsets, int taps, int channels, float[] out,
            String name, String op) {
        checkWindows(x, samples, sampleSize, offsets, taps, channels, op);
        long outSize = (long) samples * outputSize(offsets, taps, channels);
        if (outSize > out.length) {
            throw new IllegalArgumentException(op + ": " + name + " has " + out.length + " values, the windows " + outSize);
        }
    }

    private static void checkWindows(float[] x, int samples, int sampleSize, int[] offsets, int taps, int channels, String op) {
        if (samples < 0 || sampleSize < 0 || taps <= 0 || channels <= 0 || offsets.length % taps != 0) {
            throw new IllegalArgumentException(op + ": " + samples + " samples of " + sampleSize + ", " + taps + " taps, "
                    + channels + " channels and " + offsets.length + " offsets do not describe windows");
        }
        if ((long) samples * sampleSize > x.length) {
            throw new IllegalArgumentException(op + ": x has " + x.length + " values, the batch " + (long) samples * sampleSize);
        }
        for (int offset : offsets) {
            if (offset + channels > sampleSize) {
                throw new IllegalArgumentException(op + ": offset " + offset + " reads past a sample of " + sampleSize);
            }
        }
    }
}
