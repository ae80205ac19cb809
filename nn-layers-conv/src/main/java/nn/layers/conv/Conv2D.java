package nn.layers.conv;

import java.util.Arrays;
import java.util.Map;
import nn.api.Activation;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.Initializer;
import nn.api.Initializers;
import nn.api.Kernels;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras 2's {@code Conv2D}, channels_last: z = x * K + b, y = activation(z), with the kernel K of
 * shape (kh, kw, in, out) stored as (kh * kw * in) x out; db = column sums of dz. The windows'
 * products go by Winograd's F(4x4, 3x3) for 3x3 kernels of stride 1 over at least
 * {@link #WINOGRAD_MIN_CHANNELS} channels ({@link WinogradConvolution}), otherwise by im2col and one
 * product ({@link Im2colConvolution}), all on the model's kernels.
 */
public final class Conv2D extends BaseLayer {
    public static final String TYPE = "Conv2D";

    /**
     * Fewest input channels for Winograd: with fewer, its 36 products are too thin to pay for the
     * transforms. Measured for F(4x4, 3x3) (vector kernels, one thread, forward and backward of a
     * batch of 32 to 32 filters, ms): 28x28 images, im2col / Winograd, 4 channels 4.7-5.6 / 4.4-5.6,
     * 8 7.7-11.9 / 5.9-8.1, 16 17-19 / 4.7-6.1; 14x14, 4 1.0-1.7 / 1.3-2.3, 8 1.6-1.9 / 1.8-1.9, 16
     * 2.2-2.5 / 1.4-1.5; 7x7, 8 0.4-0.5 / 0.5-0.7, 32 1.0-1.2 / 0.6-0.9. Even at 8 on small images.
     */
    static final int WINOGRAD_MIN_CHANNELS = 8;

    private static final ConfigKeys KEYS = ConfigKeys.layer("filters", "kernel_size", "strides", "padding",
                    "dilation_rate", "activation", "use_bias", "kernel_initializer", "bias_initializer")
            .inert("data_format", "channels_last")
            .inert("groups", "1", v -> v instanceof Number n && n.doubleValue() == 1);

    private final int filters;
    private final int[] kernelSize;
    private final int[] strides;
    private final int[] dilation;
    private final Padding padding;
    private final boolean useBias;
    private final Object activationSpec;
    private final Activation activation;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;

    private Kernels kernels;
    private Convolution convolution;
    private PositionRows positionRows;
    private Variable kernel;
    private Variable bias;
    private float[] zeros;
    private float[] ones;
    private final FMatrixRMaj z = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj y = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dz = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dx = new FMatrixRMaj(1, 1);

    public Conv2D(Config config) {
        super(TYPE, config, KEYS);
        filters = config.requirePositiveInt("filters");
        kernelSize = Pairs.require(config, "kernel_size");
        strides = Pairs.get(config, "strides", new int[] {1, 1});
        dilation = Pairs.get(config, "dilation_rate", new int[] {1, 1});
        if ((strides[0] > 1 || strides[1] > 1) && (dilation[0] > 1 || dilation[1] > 1)) {
            throw config.invalid("dilation_rate", Pairs.toList(dilation), "above 1 cannot be combined with strides above 1 "
                    + "(as in Keras)");
        }
        padding = Padding.parse(config);
        useBias = config.getBoolean("use_bias", true);
        activationSpec = config.get("activation").orElse("linear");
        activation = config.getActivation("activation", "linear");
        kernelInitializer = Initializers.parse(config.get("kernel_initializer").orElse("glorot_uniform"), config.owner());
        biasInitializer = Initializers.parse(config.get("bias_initializer").orElse("zeros"), config.owner());
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        Windows windows = new Windows(name(), inputShape, kernelSize, strides, dilation, padding);
        kernels = context.kernels();
        convolution = WinogradConvolution.fits(kernelSize, strides, dilation) && windows.channels >= WINOGRAD_MIN_CHANNELS
                ? new WinogradConvolution(WinogradConvolution.tiles(windows, filters, padding), kernels)
                : new Im2colConvolution(windows, kernels, filters);
        positionRows = new PositionRows(windows.positions(), filters);
        kernel = addWeight("kernel", Shape.of(kernelSize[0], kernelSize[1], windows.channels, filters), kernelInitializer,
                true, context);
        if (useBias) {
            bias = addWeight("bias", Shape.of(filters), biasInitializer, true, context);
        }
        zeros = new float[filters];
        ones = new float[filters];
        Arrays.fill(ones, 1f);
        return windows.outputShape(filters);
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        int n = x.numRows;
        z.reshape(n, outputShape().size());
        convolution.forward(x, kernel.value(), training, z);
        if (useBias) {
            FMatrixRMaj zRows = positionRows.of(z);
            kernels.columnAffine(zRows, zeros, ones, bias.value().data, zRows);
        }
        if (isLinear()) {
            return z;
        }
        y.reshape(n, z.numCols);
        activation.forward(z, y);
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        int n = outputGradient.numRows;
        if (!convolution.holdsBatch(n)) {
            throw new NnException("layer " + name() + ": backward needs a forward pass with training=true on the same batch first");
        }
        FMatrixRMaj g = outputGradient;
        if (!isLinear()) {
            dz.reshape(n, outputGradient.numCols);
            activation.backward(kernels, z, y, outputGradient, dz);
            g = dz;
        }
        if (isTrainable() && useBias) {
            kernels.columnSums(positionRows.of(g), bias.gradient().data);
        }
        if (inputGradientNeeded) {
            dx.reshape(n, inputShape().size());
        }
        convolution.backward(g, kernel.value(), isTrainable() ? kernel.gradient() : null, inputGradientNeeded ? dx : null);
        return inputGradientNeeded ? dx : null;
    }

    private boolean isLinear() {
        return activation.name().equals("linear");
    }

    public int filters() {
        return filters;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("filters", filters);
        config.put("kernel_size", Pairs.toList(kernelSize));
        config.put("strides", Pairs.toList(strides));
        config.put("padding", padding.keras());
        config.put("data_format", "channels_last");
        config.put("dilation_rate", Pairs.toList(dilation));
        config.put("groups", 1);
        config.put("activation", activationSpec);
        config.put("use_bias", useBias);
        config.put("kernel_initializer", kernelInitializer.toConfig());
        config.put("bias_initializer", biasInitializer.toConfig());
    }
}
