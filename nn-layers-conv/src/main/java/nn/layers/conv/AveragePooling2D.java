package nn.layers.conv;

import java.util.Arrays;
import nn.api.Config;

/**
 * Keras 2's {@code AveragePooling2D}: each output is the mean of its window's values inside the
 * input (with {@code same} padding, padded places are not counted, as in TensorFlow).
 */
public final class AveragePooling2D extends Pooling2D {
    public static final String TYPE = "AveragePooling2D";

    public AveragePooling2D(Config config) {
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
                Arrays.fill(out, o, o + c, 0f);
                for (int t = t0; t < t0 + taps; t++) {
                    if (offsets[t] >= 0) {
                        for (int k = 0, i = base + offsets[t]; k < c; k++, i++) {
                            out[o + k] += x[i];
                        }
                    }
                }
                int inside = windows.inside(t0);
                for (int k = 0; k < c; k++) {
                    out[o + k] /= inside;
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
                int inside = windows.inside(t0);
                for (int t = t0; t < t0 + taps; t++) {
                    if (offsets[t] >= 0) {
                        for (int k = 0, i = base + offsets[t]; k < c; k++, i++) {
                            dx[i] += dy[o + k] / inside;
                        }
                    }
                }
            }
        }
    }
}
