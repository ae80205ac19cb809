package nn.layers.conv;

import java.util.Arrays;
import nn.api.Config;

/**
 * Keras 2's {@code MaxPooling2D}: each output is the largest value of its window (padding never
 * wins, as in TensorFlow); the gradient goes to that value, the first of equal ones. The forward
 * pass keeps no indices (a branch-free max per channel); backward finds the value again.
 */
public final class MaxPooling2D extends Pooling2D {
    public static final String TYPE = "MaxPooling2D";

    public MaxPooling2D(Config config) {
        super(TYPE, config);
    }

    @Override
    protected void pool(float[] x, int samples, float[] out) {
        int c = windows.channels;
        int taps = windows.taps;
        int[] offsets = windows.offsets;
        int inSize = inputShape().size();
        int o = 0;
        for (int s = 0; s < samples; s++) {
            int base = s * inSize;
            for (int t0 = 0; t0 < offsets.length; t0 += taps, o += c) {
                Arrays.fill(out, o, o + c, Float.NEGATIVE_INFINITY);
                for (int t = t0; t < t0 + taps; t++) {
                    if (offsets[t] >= 0) {
                        for (int k = 0, i = base + offsets[t]; k < c; k++, i++) {
                            out[o + k] = Math.max(out[o + k], x[i]);
                        }
                    }
                }
            }
        }
    }

    @Override
    protected void unpool(float[] x, float[] y, float[] dy, int samples, float[] dx) {
        int c = windows.channels;
        int taps = windows.taps;
        int[] offsets = windows.offsets;
        int inSize = inputShape().size();
        Arrays.fill(dx, 0, samples * inSize, 0f);
        int o = 0;
        for (int s = 0; s < samples; s++) {
            int base = s * inSize;
            for (int t0 = 0; t0 < offsets.length; t0 += taps, o += c) {
                for (int k = 0; k < c; k++) {
                    for (int t = t0; t < t0 + taps; t++) {
                        int i = base + offsets[t] + k;
                        if (offsets[t] >= 0 && x[i] == y[o + k]) {
                            dx[i] += dy[o + k];
                            break;
                        }
                    }
                }
            }
        }
    }
}
