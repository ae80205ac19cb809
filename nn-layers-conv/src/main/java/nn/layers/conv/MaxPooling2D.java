package nn.layers.conv;

import java.util.Arrays;
import nn.api.Config;

/**
 * Keras 2's {@code MaxPooling2D}: each output is the largest value of its window (padding never
 * wins, as in TensorFlow); the gradient goes to that value, the first of equal ones.
 */
public final class MaxPooling2D extends Pooling2D {
    public static final String TYPE = "MaxPooling2D";

    /** For each output of the last batch, the index in the batch's input of the value it took. */
    private int[] argmax = new int[0];

    public MaxPooling2D(Config config) {
        super(TYPE, config);
    }

    @Override
    protected void pool(float[] x, int samples, float[] out) {
        int c = windows.channels;
        int taps = windows.taps;
        int[] offsets = windows.offsets;
        int inSize = inputShape().size();
        if (argmax.length < samples * outputShape().size()) {
            argmax = new int[samples * outputShape().size()];
        }
        int o = 0;
        for (int s = 0; s < samples; s++) {
            int base = s * inSize;
            for (int t0 = 0; t0 < offsets.length; t0 += taps, o += c) {
                boolean first = true;
                for (int t = t0; t < t0 + taps; t++) {
                    if (offsets[t] < 0) {
                        continue;
                    }
                    int from = base + offsets[t];
                    for (int k = 0; k < c; k++) {
                        float v = x[from + k];
                        if (first || v > out[o + k]) {
                            out[o + k] = v;
                            argmax[o + k] = from + k;
                        }
                    }
                    first = false;
                }
            }
        }
    }

    @Override
    protected void unpool(float[] dy, int samples, float[] dx) {
        Arrays.fill(dx, 0, samples * inputShape().size(), 0f);
        for (int i = 0, n = samples * outputShape().size(); i < n; i++) {
            dx[argmax[i]] += dy[i];
        }
    }
}
