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
 * Keras 2's {@code Conv2D}, channels_last: z = im2col(x) K + b, y = activation(z), with the kernel K
 * of shape (kh, kw, in, out) stored as (kh * kw * in) x out. Backward: dK = im2col(x)<sup>T</sup> dz,
 * db = column sums of dz, dx = col2im(dz K<sup>T</sup>). The products, im2col
 * ({@link Kernels#windowGather}) and col2im ({@link Kernels#windowScatter}) run on the model's kernels.
 * A training batch is laid out whole (its windows are kept for backward); inference goes through
 * in chunks of samples so that large batches need no large buffer.
 */
public final class Conv2D extends BaseLayer {
    public static final String TYPE = "Conv2D";

    /** Most floats an inference chunk's windows take (8 MB); training batches are laid out whole. */
    static final int CHUNK_FLOATS = 1 << 21;

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
    private Windows windows;
    private Variable kernel;
    private Variable bias;
    private int patch;
    private float[] zeros;
    private float[] ones;
    private boolean colsHoldBatch;
    private final FMatrixRMaj cols = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj chunkOut = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj z = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj y = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dz = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dx = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj positionRows = new FMatrixRMaj(1, 1);

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
        windows = new Windows(name(), inputShape, kernelSize, strides, dilation, padding);
        kernels = context.kernels();
        patch = windows.taps * windows.channels;
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
        int positions = windows.positions();
        int outSize = positions * filters;
        z.reshape(n, outSize);
        FMatrixRMaj zRows = byPosition(z);
        int chunk = training ? n : Math.max(1, CHUNK_FLOATS / (positions * patch));
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            cols.reshape(count * positions, patch);
            kernels.windowGather(x.data, first, count, x.numCols, windows.offsets, windows.taps, windows.channels, cols.data);
            if (count == n) {
                kernels.mult(cols, kernel.value(), zRows);
            } else {
                chunkOut.reshape(count * positions, filters);
                kernels.mult(cols, kernel.value(), chunkOut);
                System.arraycopy(chunkOut.data, 0, z.data, first * outSize, count * outSize);
            }
        }
        colsHoldBatch = training;
        if (useBias) {
            kernels.columnAffine(zRows, zeros, ones, bias.value().data, zRows);
        }
        if (isLinear()) {
            return z;
        }
        y.reshape(n, outSize);
        activation.forward(z, y);
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        int n = outputGradient.numRows;
        if (!colsHoldBatch || cols.numRows != n * windows.positions()) {
            throw new NnException("layer " + name() + ": backward needs a forward pass with training=true on the same batch first");
        }
        FMatrixRMaj g = outputGradient;
        if (!isLinear()) {
            dz.reshape(n, outputGradient.numCols);
            activation.backward(z, y, outputGradient, dz);
            g = dz;
        }
        FMatrixRMaj gRows = byPosition(g);
        if (isTrainable()) {
            kernels.multTransA(cols, gRows, kernel.gradient());
            if (useBias) {
                kernels.columnSums(gRows, bias.gradient().data);
            }
        }
        if (!inputGradientNeeded) {
            return null;
        }
        colsHoldBatch = false;
        kernels.multTransB(gRows, kernel.value(), cols);
        dx.reshape(n, inputShape().size());
        kernels.windowScatter(cols.data, n, dx.numCols, windows.offsets, windows.taps, windows.channels, dx.data);
        return dx;
    }

    /** A batch of outputs (or their gradients) seen as one row per output position, one column per filter. */
    private FMatrixRMaj byPosition(FMatrixRMaj m) {
        positionRows.data = m.data;
        positionRows.numRows = m.numRows * windows.positions();
        positionRows.numCols = filters;
        return positionRows;
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
