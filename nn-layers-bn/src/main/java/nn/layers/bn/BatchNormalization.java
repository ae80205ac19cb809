package nn.layers.bn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nn.api.Activation;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.FusesActivation;
import nn.api.Initializer;
import nn.api.Initializers;
import nn.api.Kernels;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras 2's {@code BatchNormalization} over the last axis. Each channel (last-axis index) is
 * normalized over the batch and, for inputs of rank two or more, over all other axes too:
 * {@code y = gamma * (x - mean) / sqrt(var + epsilon) + beta}.
 *
 * <p>In training mode (training flag set and the layer trainable) mean and variance are the
 * batch's, the variance biased (divided by N), and the moving statistics are updated with
 * {@code moving = moving * momentum + batch * (1 - momentum)}. In inference mode, and always when
 * the layer is frozen, the moving statistics are used and left alone.
 *
 * <p>Weights, in Keras order: {@code gamma} (if {@code scale}), {@code beta} (if {@code center}),
 * both trainable, then the non-trainable {@code moving_mean} and {@code moving_variance}; each of
 * shape {@code (channels,)}.
 *
 * <p>A ReLU right after the layer is applied in its passes while it trains on the batch's
 * statistics ({@link FusesActivation}): in the normalizing pass forward, and in the first pass
 * backward, which then writes the ReLU's input gradient the second reads.
 */
public final class BatchNormalization extends BaseLayer implements FusesActivation {

    /** The Keras class name, which is also the provider's name. */
    public static final String TYPE = "BatchNormalization";

    /**
     * Its own keys; the regularizers and constraints may only be null (as for every layer), and
     * Keras's options this layer does not implement may only have the value that turns them off.
     */
    private static final ConfigKeys KEYS = ConfigKeys.layer("axis", "momentum", "epsilon", "center", "scale",
                    "beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer")
            .inert("virtual_batch_size", null).inert("adjustment", null).inert("renorm", false)
            .inert("renorm_clipping", null).ignored("renorm_momentum", "synchronized");

    private enum Pass { NONE, BATCH_STATISTICS, MOVING_STATISTICS }

    private final int axis;
    private final double momentum;
    private final double epsilon;
    private final boolean center;
    private final boolean scale;
    private final Initializer betaInitializer;
    private final Initializer gammaInitializer;
    private final Initializer movingMeanInitializer;
    private final Initializer movingVarianceInitializer;

    private Variable gamma;
    private Variable beta;
    private Variable movingMean;
    private Variable movingVariance;
    private int channels;

    private Kernels kernels;
    // Per channel (sized at build); per batch (reshaped, keeping the array when big enough), and
    // views of batch matrices as positions x channels for inputs of rank two or more.
    private float[] ones;
    private float[] zeros;
    private float[] mean;
    private float[] variance;
    private float[] invStd;
    private float[] sum;
    private float[] sumXhat;
    private float[] channelScale;
    private float[] dyMean;
    private float[] xhatFactor;
    private final FMatrixRMaj output = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj xhat = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj inputGradient = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj[] views = {new FMatrixRMaj(1, 1), new FMatrixRMaj(1, 1), new FMatrixRMaj(1, 1),
            new FMatrixRMaj(1, 1)};
    private Pass lastTrainingPass = Pass.NONE;
    private int lastTrainingRows;
    /** Whether the last training forward pass applied the ReLU after the layer. */
    private boolean lastTrainingRelu;

    /** All Keras defaults: momentum 0.99, epsilon 0.001, center and scale. */
    public BatchNormalization() {
        this(Config.empty("layer " + TYPE));
    }

    /** From a Keras configuration; see the class comment for the keys. */
    public BatchNormalization(Config config) {
        super(TYPE, config, KEYS);
        this.axis = parseAxis(config);
        this.momentum = config.getDouble("momentum", 0.99);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw config.invalid("momentum", config.get("momentum").orElse(null), "must be in [0, 1]");
        }
        this.epsilon = config.getDouble("epsilon", 1e-3);
        if (!(epsilon > 0 && Double.isFinite(epsilon))) {
            throw config.invalid("epsilon", config.get("epsilon").orElse(null), "must be a positive number");
        }
        this.center = config.getBoolean("center", true);
        this.scale = config.getBoolean("scale", true);
        this.betaInitializer = initializer(config, "beta_initializer", "zeros");
        this.gammaInitializer = initializer(config, "gamma_initializer", "ones");
        this.movingMeanInitializer = initializer(config, "moving_mean_initializer", "zeros");
        this.movingVarianceInitializer = initializer(config, "moving_variance_initializer", "ones");
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    /** Whether the layer has the offset {@code beta}. */
    public boolean center() {
        return center;
    }

    /** Whether the layer has the factor {@code gamma}. */
    public boolean scale() {
        return scale;
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        if (inputShape.rank() == 0) {
            throw new NnException("layer " + name() + ": BatchNormalization needs inputs with at least one axis, got shape "
                    + inputShape);
        }
        if (axis != -1 && axis != inputShape.rank()) {
            throw new NnException("layer " + name() + ": 'axis' " + axis + " is not the last axis of inputs of shape "
                    + inputShape.withBatch() + "; only the last axis (-1, here " + inputShape.rank() + ") is supported");
        }
        channels = inputShape.columns();
        Shape perChannel = Shape.of(channels);
        if (scale) {
            gamma = addWeight("gamma", perChannel, gammaInitializer, true, context);
        }
        if (center) {
            beta = addWeight("beta", perChannel, betaInitializer, true, context);
        }
        movingMean = addWeight("moving_mean", perChannel, movingMeanInitializer, false, context);
        movingVariance = addWeight("moving_variance", perChannel, movingVarianceInitializer, false, context);
        kernels = context.kernels();
        ones = new float[channels];
        Arrays.fill(ones, 1f);
        zeros = new float[channels];
        mean = new float[channels];
        variance = new float[channels];
        invStd = new float[channels];
        sum = new float[channels];
        sumXhat = new float[channels];
        channelScale = new float[channels];
        dyMean = new float[channels];
        xhatFactor = new float[channels];
        return inputShape;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
        return forward(input, training, false);
    }

    /** The ReLU, named as Keras names it, and only while training on the batch's statistics. */
    @Override
    public boolean fusesActivation(Activation activation, boolean training) {
        return training && isTrainable() && "relu".equals(activation.name());
    }

    @Override
    public FMatrixRMaj forwardActivated(FMatrixRMaj input, boolean training, Activation activation) {
        if (!fusesActivation(activation, training)) {
            throw new NnException("layer " + name() + ": cannot apply activation '" + activation.name()
                    + "' itself in this pass; it applies only relu, while training with the batch's statistics");
        }
        return forward(input, training, true);
    }

    private FMatrixRMaj forward(FMatrixRMaj input, boolean training, boolean relu) {
        checkInput(input);
        output.reshape(input.numRows, input.numCols);
        boolean batchStatistics = training && isTrainable();
        if (batchStatistics) {
            forwardWithBatchStatistics(perChannel(input, 0), relu);
        } else {
            forwardWithMovingStatistics(perChannel(input, 0));
        }
        if (training) {
            lastTrainingPass = batchStatistics ? Pass.BATCH_STATISTICS : Pass.MOVING_STATISTICS;
            lastTrainingRows = input.numRows;
            lastTrainingRelu = relu;
        }
        return output;
    }

    /**
     * The matrix as positions x channels, one row a position (every sample holds
     * {@code inputShape().rows()} of them): itself for inputs of rank one, else view number
     * {@code view}, sharing its array.
     */
    private FMatrixRMaj perChannel(FMatrixRMaj m, int view) {
        if (m.numCols == channels) {
            return m;
        }
        FMatrixRMaj v = views[view];
        v.data = m.data;
        v.numRows = m.numRows * inputShape().rows();
        v.numCols = channels;
        return v;
    }

    /**
     * Two passes for the statistics (mean, then mean squared deviation, so large offsets cost no
     * precision), a third writes xhat and the output (its ReLU if {@code relu}).
     */
    private void forwardWithBatchStatistics(FMatrixRMaj x, boolean relu) {
        int c = channels;
        float n = x.numRows;
        kernels.columnSums(x, sum);
        for (int j = 0; j < c; j++) {
            mean[j] = sum[j] / n;
        }
        kernels.columnCenteredDots(x, mean, sum);
        for (int j = 0; j < c; j++) {
            variance[j] = sum[j] / n;
            invStd[j] = (float) (1 / Math.sqrt(variance[j] + epsilon));
        }
        xhat.reshape(output.numRows, output.numCols);
        if (relu) {
            kernels.columnNormalizeRelu(x, mean, invStd, gammaValues(), betaValues(), perChannel(xhat, 1),
                    perChannel(output, 2));
        } else {
            kernels.columnNormalize(x, mean, invStd, gammaValues(), betaValues(), perChannel(xhat, 1), perChannel(output, 2));
        }
        float m = (float) momentum;
        float d = (float) (1 - momentum);
        float[] mm = movingMean.value().data;
        float[] mv = movingVariance.value().data;
        for (int j = 0; j < c; j++) {
            mm[j] = mm[j] * m + mean[j] * d;
            mv[j] = mv[j] * m + variance[j] * d;
        }
    }

    /** y = (x - moving_mean) * (gamma / sqrt(moving_variance + epsilon)) + beta */
    private void forwardWithMovingStatistics(FMatrixRMaj x) {
        movingScale();
        kernels.columnAffine(x, movingMean.value().data, channelScale, betaValues(), perChannel(output, 2));
    }

    /** channelScale = gamma / sqrt(moving_variance + epsilon): the factor of x in inference. */
    private void movingScale() {
        float[] mv = movingVariance.value().data;
        float[] g = gammaValues();
        for (int j = 0; j < channels; j++) {
            channelScale[j] = (float) (1 / Math.sqrt(mv[j] + epsilon)) * g[j];
        }
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        return backward(outputGradient, inputGradientNeeded, false);
    }

    @Override
    public FMatrixRMaj backwardActivated(FMatrixRMaj activationGradient, boolean inputGradientNeeded) {
        return backward(activationGradient, inputGradientNeeded, true);
    }

    private FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded, boolean relu) {
        if (lastTrainingPass == Pass.NONE) {
            throw new NnException("layer " + name() + ": backward needs a forward pass with training=true first");
        }
        if (relu != lastTrainingRelu) {
            throw new NnException("layer " + name() + (relu
                    ? ": backwardActivated needs the last training pass to be forwardActivated, it was forward"
                    : ": backward after forwardActivated needs backwardActivated, from the gradient of the ReLU's output"));
        }
        if (outputGradient.numRows != lastTrainingRows || outputGradient.numCols != inputShape().size()) {
            throw new NnException("layer " + name() + ": the output gradient is " + outputGradient.numRows + " x "
                    + outputGradient.numCols + ", but the last training forward pass gave " + lastTrainingRows + " x "
                    + inputShape().size());
        }
        FMatrixRMaj dy = perChannel(outputGradient, 0);
        return lastTrainingPass == Pass.BATCH_STATISTICS
                ? backwardThroughBatchStatistics(dy, inputGradientNeeded, relu)
                : backwardThroughMovingStatistics(dy, inputGradientNeeded);
    }

    /**
     * dbeta = sum(dy), dgamma = sum(dy * xhat), and with s = gamma / sqrt(var + epsilon):
     * dx = s * (dy - dbeta / N) - xhat * s * dgamma / N. After the ReLU was applied, dy is first
     * taken back through it (by its output, this layer's), into the input gradient's buffer.
     */
    private FMatrixRMaj backwardThroughBatchStatistics(FMatrixRMaj dy, boolean inputGradientNeeded, boolean relu) {
        int c = channels;
        FMatrixRMaj xh = perChannel(xhat, 1);
        if (relu) {
            inputGradient.reshape(lastTrainingRows, inputShape().size());
            FMatrixRMaj reluGradient = perChannel(inputGradient, 2);
            kernels.columnReluSumsAndDots(dy, perChannel(output, 3), xh, reluGradient, sum, sumXhat);
            dy = reluGradient;
        } else {
            kernels.columnSumsAndDots(dy, xh, sum, sumXhat);
        }
        if (isTrainable()) {
            if (scale) {
                System.arraycopy(sumXhat, 0, gamma.gradient().data, 0, c);
            }
            if (center) {
                System.arraycopy(sum, 0, beta.gradient().data, 0, c);
            }
        }
        if (!inputGradientNeeded) {
            return null;
        }
        inputGradient.reshape(lastTrainingRows, inputShape().size());
        float n = dy.numRows;
        float[] g = gammaValues();
        for (int j = 0; j < c; j++) {
            channelScale[j] = g[j] * invStd[j];
            dyMean[j] = sum[j] / n;
            xhatFactor[j] = -channelScale[j] * (sumXhat[j] / n);
        }
        kernels.columnAffine(dy, dyMean, channelScale, xh, xhatFactor, perChannel(inputGradient, 2));
        return inputGradient;
    }

    /** A frozen layer is a fixed affine map per channel: dx = dy * gamma / sqrt(moving_variance + eps). */
    private FMatrixRMaj backwardThroughMovingStatistics(FMatrixRMaj dy, boolean inputGradientNeeded) {
        if (!inputGradientNeeded) {
            return null;
        }
        inputGradient.reshape(lastTrainingRows, inputShape().size());
        movingScale();
        kernels.columnAffine(dy, zeros, channelScale, zeros, perChannel(inputGradient, 2));
        return inputGradient;
    }

    private float[] gammaValues() {
        return scale ? gamma.value().data : ones;
    }

    private float[] betaValues() {
        return center ? beta.value().data : zeros;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("axis", axis);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("center", center);
        config.put("scale", scale);
        config.put("beta_initializer", betaInitializer.toConfig());
        config.put("gamma_initializer", gammaInitializer.toConfig());
        config.put("moving_mean_initializer", movingMeanInitializer.toConfig());
        config.put("moving_variance_initializer", movingVarianceInitializer.toConfig());
        config.put("beta_regularizer", null);
        config.put("gamma_regularizer", null);
        config.put("beta_constraint", null);
        config.put("gamma_constraint", null);
    }

    /** Keras writes {@code -1} before and e.g. {@code [1]} after building; only the last axis is supported. */
    private static int parseAxis(Config config) {
        Object raw = config.get("axis").orElse(-1);
        Object value = raw instanceof List<?> list && list.size() == 1 ? list.get(0) : raw;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && (n.intValue() == -1 || n.intValue() > 0)) {
            return n.intValue();
        }
        throw config.invalid("axis", raw, "must be the last axis, -1 (or its index counted with the batch axis, "
                + "e.g. 1 for inputs of shape (None, 5)); other axes are not supported");
    }

    private static Initializer initializer(Config config, String key, String defaultName) {
        return Initializers.parse(config.get(key).orElse(defaultName), config.owner() + ": '" + key + "'");
    }
}
