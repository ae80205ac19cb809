package nn.layers.conv;

import java.util.Map;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.Kernels;
import nn.api.NnException;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;

/**
 * What Keras 2's 2D pooling layers share: {@code pool_size} (default 2), {@code strides} (default
 * the pool size), {@code padding}, channels_last; each channel is pooled on its own. A subclass
 * implements the pool of a batch and its gradient, over the windows of {@link #windows}.
 */
abstract class Pooling2D extends BaseLayer {
    private static final ConfigKeys KEYS = ConfigKeys.layer("pool_size", "strides", "padding")
            .inert("data_format", "channels_last");

    private final int[] poolSize;
    private final int[] strides;
    private final Padding padding;
    protected Windows windows;
    protected Kernels kernels;
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
        kernels = context.kernels();
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
    protected abstract void pool(float[] x, int samples, float[] out);

    /** dx = the gradient of y = pool(x) for the output gradient dy, over samples [0, samples), written whole. */
    protected abstract void unpool(float[] x, float[] y, float[] dy, int samples, float[] dx);

    @Override
    protected final void putConfig(Map<String, Object> config) {
        config.put("pool_size", Pairs.toList(poolSize));
        config.put("padding", padding.keras());
        config.put("strides", Pairs.toList(strides));
        config.put("data_format", "channels_last");
    }
}
