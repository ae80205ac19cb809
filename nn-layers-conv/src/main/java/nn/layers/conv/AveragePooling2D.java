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
        int inSize = inputShape().size();
        for (int s = 0, o = 0; s < samples; s++) {
            for (int firstTap = 0; firstTap < windows.offsets.length; firstTap += windows.taps, o += windows.channels) {
                poolWindow(x, s * inSize, firstTap, out, o);
            }
        }
    }

    @Override
    protected void unpool(float[] x, float[] y, float[] dy, int samples, float[] dx) {
        int inSize = inputShape().size();
        Arrays.fill(dx, 0, samples * inSize, 0f);
        for (int s = 0, o = 0; s < samples; s++) {
            for (int firstTap = 0; firstTap < windows.offsets.length; firstTap += windows.taps, o += windows.channels) {
                unpoolWindow(dy, s * inSize, firstTap, dx, o);
            }
        }
    }

    /** out[o + k] = the mean of channel k over one window (taps from {@code firstTap}, offsets from base). */
    private void poolWindow(float[] x, int base, int firstTap, float[] out, int o) {
        int c = windows.channels;
        Arrays.fill(out, o, o + c, 0f);
        for (int t = firstTap; t < firstTap + windows.taps; t++) {
            if (windows.offsets[t] >= 0) {
                int i = base + windows.offsets[t];
                for (int k = 0; k < c; k++) {
                    out[o + k] += x[i + k];
                }
            }
        }
        int inside = windows.inside(firstTap);
        for (int k = 0; k < c; k++) {
            out[o + k] /= inside;
        }
    }

    /** Adds to dx the gradient of one window's outputs for their gradients dy[o + k]. */
    private void unpoolWindow(float[] dy, int base, int firstTap, float[] dx, int o) {
        int inside = windows.inside(firstTap);
        for (int t = firstTap; t < firstTap + windows.taps; t++) {
            if (windows.offsets[t] >= 0) {
                int i = base + windows.offsets[t];
                for (int k = 0; k < windows.channels; k++) {
                    dx[i + k] += dy[o + k] / inside;
                }
            }
        }
    }
}
