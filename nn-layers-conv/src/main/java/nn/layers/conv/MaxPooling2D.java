package nn.layers.conv;

import java.util.Arrays;
import nn.api.Config;

/**
 * Keras 2's {@code MaxPooling2D}: each output is the largest value of its window (padding never
 * wins, as in TensorFlow); the gradient goes to that value, the first of equal ones. The forward
 * pass keeps no indices (a max per channel, channels innermost: a register maximum per channel
 * with the taps innermost measured twice as slow); backward finds the value again.
 */
public final class MaxPooling2D extends Pooling2D {
    public static final String TYPE = "MaxPooling2D";

    public MaxPooling2D(Config config) {
        super(TYPE, config);
    }

    @Override
    protected void poolWindow(float[] x, int base, int firstTap, float[] out, int o) {
        int c = windows.channels;
        Arrays.fill(out, o, o + c, Float.NEGATIVE_INFINITY);
        for (int t = firstTap; t < firstTap + windows.taps; t++) {
            if (windows.offsets[t] >= 0) {
                int i = base + windows.offsets[t];
                for (int k = 0; k < c; k++) {
                    out[o + k] = Math.max(out[o + k], x[i + k]);
                }
            }
        }
    }

    @Override
    protected void unpoolWindow(float[] x, float[] y, float[] dy, int base, int firstTap, float[] dx, int o) {
        int[] offsets = windows.offsets;
        for (int k = 0; k < windows.channels; k++) {
            for (int t = firstTap; t < firstTap + windows.taps; t++) {
                int i = base + offsets[t] + k;
                if (offsets[t] >= 0 && x[i] == y[o + k]) {
                    dx[i] += dy[o + k];
                    break;
                }
            }
        }
    }
}
