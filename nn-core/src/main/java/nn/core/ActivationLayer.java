package nn.core;

import java.util.Map;
import nn.api.ActivatedLayer;
import nn.api.Activation;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ElementwiseActivation;
import nn.api.Kernels;
import nn.api.RangeTask;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;

/** Keras's {@code Activation} layer: applies an activation, e.g. the ReLU after a BatchNormalization. */
public final class ActivationLayer extends BaseLayer implements ActivatedLayer {
    /**
     * Elements a range holds at least when an elementwise activation is cut between the kernels'
     * threads: ReLU takes about 4 us over 2^15, what handing a range over costs.
     */
    static final int MIN_RANGE = 1 << 15;

    private final Activation activation;
    /** The activation if its passes can be cut into ranges ({@link ElementwiseActivation#runsInRanges}), else null. */
    private final ElementwiseActivation elementwise;
    private final RangeTask forwardRange = this::forwardRange;
    private final RangeTask backwardRange = this::backwardRange;
    private Kernels kernels;
    private FMatrixRMaj input;
    private FMatrixRMaj outputGradient;
    private final FMatrixRMaj y = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dx = new FMatrixRMaj(1, 1);

    public ActivationLayer(String activation) {
        this(Config.of("layer Activation", Map.of("activation", activation)));
    }

    public ActivationLayer(Config config) {
        super("Activation", config, "activation");
        this.activation = config.getActivation("activation", "linear");
        this.elementwise = activation instanceof ElementwiseActivation e && e.runsInRanges() ? e : null;
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        kernels = context.kernels();
        return inputShape;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        return forwardAnyShape(x);
    }

    /**
     * The forward pass over x of any size: for {@link ExecutionOrder}, which runs an activation that
     * commutes with max after the max pool that follows it, on the pool's output. Such a layer's
     * {@link #preActivation()} and gradients are then of the pool's output size.
     */
    FMatrixRMaj forwardAnyShape(FMatrixRMaj x) {
        input = x;
        y.reshape(x.numRows, x.numCols);
        if (elementwise != null) {
            kernels.forEachRange(x.getNumElements(), MIN_RANGE, forwardRange);
        } else {
            activation.forward(x, y);
        }
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        if (!inputGradientNeeded) {
            return null;
        }
        dx.reshape(outputGradient.numRows, outputGradient.numCols);
        if (elementwise != null) {
            int n = input.getNumElements();
            if (!elementwise.backwardOnKernels(kernels, input.data, y.data, outputGradient.data, dx.data, n)) {
                this.outputGradient = outputGradient;
                try {
                    kernels.forEachRange(n, MIN_RANGE, backwardRange);
                } finally {
                    this.outputGradient = null;
                }
            }
        } else {
            activation.backward(input, y, outputGradient, dx);
        }
        return dx;
    }

    private void forwardRange(int from, int to) {
        elementwise.forward(input.data, y.data, from, to);
    }

    private void backwardRange(int from, int to) {
        elementwise.backward(input.data, y.data, outputGradient.data, dx.data, from, to);
    }

    @Override
    public FMatrixRMaj backwardFromPreActivation(FMatrixRMaj gradient, boolean inputGradientNeeded) {
        return inputGradientNeeded ? gradient : null;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public FMatrixRMaj preActivation() {
        return input;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("activation", Activations.serialize(activation));
    }
}
