package nn.layers.conv;

import java.util.Arrays;
import java.util.Map;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.NnException;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;

/**
 * What Keras 2's 2D pooling layers share: {@code pool_size} (default 2), {@code strides} (default
 * the pool size), {@code padding}, channels_last; each channel is pooled on its own. A subclass
 * implements the pool of one window and its gradient.
 */
abstract class Pooling2D extends BaseLayer {
    private static final ConfigKeys KEYS = ConfigKeys.layer("pool_size", "strides", "padding")
            .inert("data_format", "channels_last");

    private final int[] poolSize;
    private final int[] strides;
    private final Padding padding;
    protected Windows windows;
    private final FMatrixRMaj output = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj inputGradient = new FMatrixRMaj(1, 1);
    private int lastTrainingRows = -1;
    private FMatrixRMaj lastInput;

    protected Pooling2D(String type, Config config) {
        super(type, config, KEYS);
        poolSize = Pairs.get(config, "pool_size", new int[] {2, 2});
        strides = Pairs.get(config, "strides", poolSize);
        padding = Padding.parse(config);
    }

    @Override
    protected final Shape onBuild(Shape inputShape, BuildContext context) {
        windows = new Windows(name(), inputShape, poolSize, strides, new int[] {1, 1}, padding);
        return windows.outputShape(windows.channels);
    }

    @Override
    public final FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
        checkInput(input);
        output.reshape(input.numRows, outputShape().size());
        pool(input.data, input.numRows, output.data);
        lastTrainingRows = training ? input.numRows : -1;
        lastInput = input;
        return output;
    }

    @Override
    public final FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        if (outputGradient.numRows != lastTrainingRows) {
            throw new NnException("layer " + name() + ": backward needs a forward pass with training=true on the same batch first");
        }
        if (!inputGradientNeeded) {
            return null;
        }
        inputGradient.reshape(lastTrainingRows, inputShape().size());
        unpool(lastInput.data, output.data, outputGradient.data, lastTrainingRows, inputGradient.data);
        return inputGradient;
    }

    /** out = the pool of each window of samples [0, samples) of x. */
    private void pool(float[] x, int samples, float[] out) {
        int inSize = inputShape().size();
        for (int s = 0, o = 0; s < samples; s++) {
            for (int firstTap = 0; firstTap < windows.offsets.length; firstTap += windows.taps, o += windows.channels) {
                poolWindow(x, s * inSize, firstTap, out, o);
            }
        }
    }

    /** dx = the gradient of y = pool(x) for the output gradient dy. */
    private void unpool(float[] x, float[] y, float[] dy, int samples, float[] dx) {
        int inSize = inputShape().size();
        Arrays.fill(dx, 0, samples * inSize, 0f);
        for (int s = 0, o = 0; s < samples; s++) {
            for (int firstTap = 0; firstTap < windows.offsets.length; firstTap += windows.taps, o += windows.channels) {
                unpoolWindow(x, y, dy, s * inSize, firstTap, dx, o);
            }
        }
    }

    /**
     * out[o + k] = the pool of channel k over one window: its taps are {@code windows.offsets[firstTap ..
     * firstTap + taps)}, offsets from {@code base} in x (-1 on padding).
     */
    protected abstract void poolWindow(float[] x, int base, int firstTap, float[] out, int o);

    /** Adds to dx the gradient of one window's outputs y[o + k] for their gradients dy[o + k]. */
    protected abstract void unpoolWindow(float[] x, float[] y, float[] dy, int base, int firstTap, float[] dx, int o);

    @Override
    protected final void putConfig(Map<String, Object> config) {
        config.put("pool_size", Pairs.toList(poolSize));
        config.put("padding", padding.keras());
        config.put("strides", Pairs.toList(strides));
        config.put("data_format", "channels_last");
    }
}
