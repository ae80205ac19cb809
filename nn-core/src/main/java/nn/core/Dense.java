package nn.core;

import java.util.Map;
import nn.api.ActivatedLayer;
import nn.api.Activation;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.EarlyUpdates;
import nn.api.Initializer;
import nn.api.Initializers;
import nn.api.Kernels;
import nn.api.RangeTask;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * A fully connected layer: z = x W + b, y = activation(z); W is glorot-uniform and b zeros by
 * default. Backward: dz = activation'(dy), dW = x<sup>T</sup> dz, db = column sums of dz,
 * dx = dz W<sup>T</sup>.
 */
public final class Dense extends BaseLayer implements ActivatedLayer {
    /**
     * Rows a part of a row-wise activation takes at least: the softmax of 10 classes costs ~60 ns
     * a row, 15 us of a batch-256 step that the caller would otherwise spend alone (issue 14).
     */
    static final int MIN_ACTIVATION_ROWS = 64;
    private final int units;
    private final boolean useBias;
    private final Activation activation;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private Kernels kernels;
    private Variable kernel;
    /** The early updates of the backward pass in progress that claimed the kernel, else null. */
    private EarlyUpdates kernelUpdates;
    /** Hands rows of the kernel's gradient, once final, to {@link #kernelUpdates}. */
    private final RangeTask kernelRowsDone = this::updateKernelRows;
    private final RangeTask activationRows = this::activationRows;
    private Variable bias;
    private FMatrixRMaj input;
    private final FMatrixRMaj z = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj y = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dz = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dx = new FMatrixRMaj(1, 1);

    public Dense(int units) {
        this(Config.of("layer Dense", Map.of("units", units)));
    }

    public Dense(int units, String activation, boolean useBias) {
        this(Config.of("layer Dense", Map.of("units", units, "activation", activation, "use_bias", useBias)));
    }

    public Dense(Config config) {
        super("Dense", config, ConfigKeys.layer("units", "activation", "use_bias", "kernel_initializer",
                "bias_initializer").inert("lora_rank", null));
        this.units = config.requirePositiveInt("units");
        this.useBias = config.getBoolean("use_bias", true);
        this.activation = config.getActivation("activation", "linear");
        this.kernelInitializer = Initializers.parse(config.get("kernel_initializer").orElse("glorot_uniform"), config.owner());
        this.biasInitializer = Initializers.parse(config.get("bias_initializer").orElse("zeros"), config.owner());
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        requireFlatInput(inputShape);
        kernels = context.kernels();
        kernel = addWeight("kernel", Shape.of(inputShape.dim(0), units), kernelInitializer, true, context);
        if (useBias) {
            bias = addWeight("bias", Shape.of(units), biasInitializer, true, context);
        }
        return Shape.of(units);
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        input = x;
        z.reshape(x.numRows, units);
        kernels.mult(x, kernel.value(), z);
        if (useBias) {
            float[] b = bias.value().data;
            for (int r = 0, off = 0; r < z.numRows; r++, off += units) {
                for (int j = 0; j < units; j++) {
                    z.data[off + j] += b[j];
                }
            }
        }
        if (Activations.isLinear(activation)) {
            return z;
        }
        y.reshape(x.numRows, units);
        if (activation instanceof RowwiseActivation) {
            kernels.forEachRange(z.numRows, MIN_ACTIVATION_ROWS, activationRows);
        } else {
            activation.forward(z, y);
        }
        return y;
    }

    private void activationRows(int from, int to) {
        ((RowwiseActivation) activation).forwardRows(z, y, from, to);
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        return backward(outputGradient, inputGradientNeeded, EarlyUpdates.NONE);
    }

    /**
     * As the plain backward pass; when no input gradient is needed (so nothing reads the kernel
     * afterwards), the kernel may be claimed by {@code updates} and updated a block of rows at a
     * time as the product makes its gradient, while it is in cache.
     */
    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded, EarlyUpdates updates) {
        if (Activations.isLinear(activation)) {
            return backwardFromPreActivation(outputGradient, inputGradientNeeded, updates);
        }
        dz.reshape(outputGradient.numRows, units);
        activation.backward(kernels, z, y, outputGradient, dz);
        return backwardFromPreActivation(dz, inputGradientNeeded, updates);
    }

    @Override
    public FMatrixRMaj backwardFromPreActivation(FMatrixRMaj gradient, boolean inputGradientNeeded) {
        return backwardFromPreActivation(gradient, inputGradientNeeded, EarlyUpdates.NONE);
    }

    private FMatrixRMaj backwardFromPreActivation(FMatrixRMaj gradient, boolean inputGradientNeeded,
            EarlyUpdates updates) {
        if (inputGradientNeeded) {
            dx.reshape(gradient.numRows, input.numCols);
        }
        if (isTrainable() && inputGradientNeeded) {
            // both at once: kernels with threads run the two products side by side
            kernels.multGradients(input, kernel.value(), gradient, dx, kernel.gradient());
        } else if (isTrainable() && updates.claim(kernel)) {
            kernelUpdates = updates;
            try {
                kernels.multTransA(input, gradient, kernel.gradient(), kernelRowsDone);
            } finally {
                kernelUpdates = null;
            }
        } else if (isTrainable()) {
            kernels.multTransA(input, gradient, kernel.gradient());
        } else if (inputGradientNeeded) {
            kernels.multTransB(gradient, kernel.value(), dx);
        }
        if (isTrainable() && useBias) {
            kernels.columnSums(gradient, bias.gradient().data);
        }
        return inputGradientNeeded ? dx : null;
    }

    private void updateKernelRows(int from, int to) {
        kernelUpdates.update(kernel, from * units, to * units);
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public FMatrixRMaj preActivation() {
        return z;
    }

    public int units() {
        return units;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("units", units);
        config.put("activation", Activations.serialize(activation));
        config.put("use_bias", useBias);
        config.put("kernel_initializer", kernelInitializer.toConfig());
        config.put("bias_initializer", biasInitializer.toConfig());
    }
}
