package nn.layers.conv;

import nn.api.Config;
import nn.api.MaxSelecting;

/**
 * Keras 2's {@code MaxPooling2D}: each output is the largest value of its window (padding never
 * wins, as in TensorFlow); the gradient goes to that value, the first of equal ones. Both passes
 * run on the model's kernels ({@link nn.api.Kernels#windowMax}, {@link nn.api.Kernels#windowMaxGradient}):
 * the forward pass keeps no indices, backward finds the value again. A relu just before it runs
 * after it ({@link MaxSelecting}).
 */
public final class MaxPooling2D extends Pooling2D implements MaxSelecting {
    public static final String TYPE = "MaxPooling2D";

    public MaxPooling2D(Config config) {
        super(TYPE, config);
    }

    @Override
    protected void pool(float[] x, int samples, float[] out) {
        kernels.windowMax(x, samples, inputShape().size(), windows.offsets, windows.taps, windows.channels, out);
    }

    @Override
    protected void unpool(float[] x, float[] y, float[] dy, int samples, float[] dx) {
        kernels.windowMaxGradient(x, y, dy, samples, inputShape().size(), windows.offsets, windows.taps, windows.channels, dx);
    }
}
