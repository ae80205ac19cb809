package nn.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import nn.api.ActivatedLayer;
import nn.api.Activation;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.EarlyUpdates;
import nn.api.ElementwiseOptimizer;
import nn.api.Features;
import nn.api.FusesActivation;
import nn.api.Kernels;
import nn.api.Layer;
import nn.api.Loss;
import nn.api.Metric;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * A stack of layers, each feeding the next, as Keras's Sequential: add layers, compile with an
 * optimizer, a loss and metrics, then fit, evaluate and predict. Layers are named as Keras names
 * them ({@code dense}, {@code dense_1}, ...) and built when the input shape is known: from the first
 * layer's {@code input_shape}, or {@link #build(Shape)}.
 *
 * <p>A model computes with the kernels of its {@link BuildContext}; {@link #close()} closes them
 * (their worker threads), so use a model in try-with-resources or close it when done.
 */
public final class Sequential implements AutoCloseable {
    private final String name;
    private final BuildContext context;
    private final List<Layer> layers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Shape inputShape;
    private Optimizer optimizer;
    private Loss loss;
    private List<Metric> metrics = List.of();
    private List<Variable> trainable = List.of();
    /** For an elementwise optimizer: its steps taken partly during the backward pass; else null. */
    private BackwardUpdates backwardUpdates;
    /** Position (in {@link #order}) of the first layer with trainable weights, the last to run backward; -1 if none. */
    private int firstTrainable = -1;
    /**
     * The trainable variables of every other layer, all final once that layer's backward starts:
     * on one thread they are updated then, before the first layer's kernel.
     */
    private List<Variable> trainableAfterFirst = List.of();
    /** Layer indices in the order they run ({@link ExecutionOrder}); set whenever a layer is added. */
    private int[] order = new int[0];
    /** By position: whether the layer there may apply the activation run next ({@link ExecutionOrder#fusions}). */
    private boolean[] fusesNext = new boolean[0];
    /** By position: whether the last forward pass applied the activation there in the layer before it. */
    private boolean[] appliedBefore = new boolean[0];
    /** By position in {@link #order}. */
    private boolean[] inputGradientNeeded = new boolean[0];
    private boolean fusedLoss;
    private final RowParallelLoss rowParallelLoss = new RowParallelLoss();
    private boolean stopTraining;
    /** Made by the first fit; kept so that the next fit starts on the thread count found fastest. */
    private ThreadTuner threadTuner;
    private final FMatrixRMaj lossGradient = new FMatrixRMaj(1, 1);
    /** The batch buffer of every evaluate and predict call, reused. */
    private final FMatrixRMaj inferenceBatch = new FMatrixRMaj(1, 1);
    private FMatrixRMaj lastOutput;

    /** Seed 0, on the launcher's default kernels: {@link KernelChoice#best()}. */
    public Sequential() {
        this(0);
    }

    /**
     * On the launcher's default kernels ({@link KernelChoice#best()}: the vector kernels when their
     * module is present, else the EJML reference, on every core).
     *
     * @param seed of the initial weights
     */
    public Sequential(long seed) {
        this("sequential", new BuildContext(KernelChoice.best(), new SplittableRandom(seed)));
    }

    /** On the kernels and random source of {@code context}, e.g. {@link BuildContext#seeded} for the EJML reference. */
    public Sequential(String name, BuildContext context) {
        this.name = name;
        this.context = context;
    }

    public String name() {
        return name;
    }

    /** Adds a layer, naming it like Keras if its name is taken ({@code dense} then {@code dense_1}). */
    public Sequential add(Layer layer) {
        if (names.contains(layer.name())) {
            if (!layer.name().equals(BaseLayer.defaultName(layer.type())) || layer.isBuilt()) {
                throw new NnException("model " + name + " already has a layer named '" + layer.name() + "'");
            }
            String base = layer.name();
            int i = 1;
            while (names.contains(base + "_" + i)) {
                i++;
            }
            layer.setName(base + "_" + i);
        }
        if (isBuilt()) {
            layer.build(outputShape(), context);
        }
        names.add(layer.name());
        layers.add(layer);
        order = ExecutionOrder.of(layers);
        fusesNext = ExecutionOrder.fusions(layers, order);
        appliedBefore = new boolean[order.length];
        if (!isBuilt() && layers.size() == 1 && layer.declaredInputShape().isPresent()) {
            build(layer.declaredInputShape().get());
        }
        return this;
    }

    /** Builds every layer for samples of this shape; done by {@link #add} when the first layer declares it. */
    public Sequential build(Shape inputShape) {
        if (isBuilt()) {
            throw new NnException("model " + name + " is already built for input " + this.inputShape);
        }
        if (layers.isEmpty()) {
            throw new NnException("model " + name + " has no layers to build");
        }
        Shape shape = inputShape;
        for (Layer layer : layers) {
            if (!layer.isBuilt()) {
                layer.build(shape, context);
            } else if (!layer.inputShape().equals(shape)) {
                throw new NnException("layer " + layer.name() + " was built for input " + layer.inputShape()
                        + " but receives " + shape);
            }
            shape = layer.outputShape();
        }
        this.inputShape = inputShape;
        return this;
    }

    public boolean isBuilt() {
        return inputShape != null;
    }

    public Shape inputShape() {
        requireBuilt();
        return inputShape;
    }

    public Shape outputShape() {
        requireBuilt();
        return layers.get(layers.size() - 1).outputShape();
    }

    /** The layer at this index, counted as Keras counts (the first added is 0). */
    public Layer layer(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new NnException("model " + name + " has layers 0 to " + (layers.size() - 1) + ", not " + index);
        }
        return layers.get(index);
    }

    public Layer layer(String layerName) {
        return layers.stream().filter(l -> l.name().equals(layerName)).findFirst()
                .orElseThrow(() -> new NnException("model " + name + " has no layer '" + layerName + "'; it has "
                        + layers.stream().map(Layer::name).toList()));
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    public List<Variable> weights() {
        return layers.stream().flatMap(l -> l.weights().stream()).toList();
    }

    public List<Variable> trainableWeights() {
        return layers.stream().flatMap(l -> l.trainableWeights().stream()).toList();
    }

    public List<Variable> nonTrainableWeights() {
        return layers.stream().flatMap(l -> l.nonTrainableWeights().stream()).toList();
    }

    /**
     * Copies of every variable's values, in the order of {@link #weights()} (Keras's
     * {@code get_weights()}): row-major float32, one array a variable.
     */
    public List<float[]> getWeights() {
        return copies(weights());
    }

    private static List<float[]> copies(List<Variable> variables) {
        return variables.stream().map(v -> Arrays.copyOf(v.value().data, v.size())).toList();
    }

    private static void assign(List<Variable> variables, List<float[]> values) {
        for (int i = 0; i < values.size(); i++) {
            variables.get(i).assign(values.get(i));
        }
    }

    /**
     * Sets every variable from arrays in the order of {@link #weights()} (Keras's
     * {@code set_weights()}); the count and each length must match, or nothing is changed.
     */
    public void setWeights(List<float[]> values) {
        List<Variable> variables = weights();
        if (values.size() != variables.size()) {
            throw new NnException("model " + name + " has " + variables.size() + " variables, got " + values.size()
                    + " arrays");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length != variables.get(i).size()) {
                throw new NnException("array " + i + " has " + values.get(i).length + " values, but variable "
                        + variables.get(i).path() + " of shape " + variables.get(i).shape() + " needs "
                        + variables.get(i).size());
            }
        }
        assign(variables, values);
    }

    /**
     * Saves the model, with its compile settings and optimizer state if compiled, in the format its
     * file name asks for: {@code .zip} nn's model archive, {@code .h5} Keras 2, {@code .keras} Keras 3,
     * a folder or {@code model.json} a TensorFlow.js layers-model. Needs module {@code nn.io}.
     */
    public void save(Path file) {
        ServiceLoader.load(ModelSaver.class).findFirst()
                .orElseThrow(() -> new NnException("cannot save model " + name + " to " + file
                        + ": saving needs module nn.io (artifact dev.nn:nn-io) on the module path or class path"))
                .save(this, file);
    }

    /**
     * Sets the optimizer, the loss and the metrics. When the last layer ends in softmax and the loss is
     * a cross-entropy, the loss is computed from the logits, as Keras does. Compile again after
     * freezing or unfreezing layers.
     */
    public void compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        requireBuilt();
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.of(metrics);
        this.trainable = trainableWeights();
        this.backwardUpdates = optimizer instanceof ElementwiseOptimizer elementwise
                ? new BackwardUpdates(elementwise, trainable) : null;
        this.firstTrainable = -1;
        for (int k = 0; k < layers.size() && firstTrainable < 0; k++) {
            if (!layers.get(order[k]).trainableWeights().isEmpty()) {
                firstTrainable = k;
            }
        }
        // a layer needs its input gradient only when a layer before it has trainable weights
        this.inputGradientNeeded = new boolean[layers.size()];
        for (int k = firstTrainable + 1; firstTrainable >= 0 && k < layers.size(); k++) {
            inputGradientNeeded[k] = true;
        }
        List<Variable> own = firstTrainable < 0 ? List.of() : layers.get(order[firstTrainable]).trainableWeights();
        this.trainableAfterFirst = trainable.stream().filter(v -> own.stream().noneMatch(o -> o == v)).toList();
        Layer last = layers.get(layers.size() - 1);
        this.fusedLoss = last instanceof ActivatedLayer activated && loss.fusesWith(activated.activation());
    }

    /** Whether {@link #compile} has been called. */
    public boolean isCompiled() {
        return optimizer != null;
    }

    public Optimizer optimizer() {
        requireCompiled();
        return optimizer;
    }

    public Loss loss() {
        requireCompiled();
        return loss;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** Trains; see {@link FitConfig}. {@code validation} may be null. */
    public History fit(LabeledData train, LabeledData validation, FitConfig config, TrainingListener... listeners) {
        return fit(train, validation, config, new OwnSteps(this), listeners);
    }

    public History fit(LabeledData train, FitConfig config, TrainingListener... listeners) {
        return fit(train, null, config, listeners);
    }

    /**
     * As {@link #fit(LabeledData, LabeledData, FitConfig, TrainingListener...)}, with each batch
     * trained by {@code training} instead of this model's own step (e.g. by data-parallel workers);
     * shuffles, logs, metrics, validation and listeners stay the fit loop's.
     */
    public History fit(LabeledData train, LabeledData validation, FitConfig config, BatchTraining training,
            TrainingListener... listeners) {
        requireCompiled();
        stopTraining = false;
        return new FitLoop(this, train, validation, config, training, List.of(listeners)).run();
    }

    /** Ends {@link #fit} after the current epoch (for listeners, like Keras's {@code model.stop_training}). */
    public void stopTraining() {
        stopTraining = true;
    }

    /** The kernels the layers compute with, which also turn stored features into batches. */
    public Kernels kernels() {
        return context.kernels();
    }

    boolean stopRequested() {
        return stopTraining;
    }

    ThreadTuner threadTuner() {
        if (threadTuner == null) {
            threadTuner = new ThreadTuner(kernels(), System::nanoTime);
        }
        return threadTuner;
    }

    /** Loss and metrics over the data, in inference mode: {@code {loss=..., accuracy=...}}. */
    public Map<String, Double> evaluate(LabeledData data, int batchSize) {
        requireCompiled();
        Batches batches = new Batches(data, batchSize, context.kernels(), inferenceBatch);
        double lossSum = 0;
        metrics.forEach(Metric::reset);
        for (int b = 0; b < batches.count(); b++) {
            int rows = batches.load(b);
            FMatrixRMaj output = forward(batches.features(), false);
            lossSum += (double) computeLoss(output, batches.targets(), null) * rows;
            for (Metric m : metrics) {
                m.update(output, batches.targets());
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("loss", lossSum / data.size());
        metrics.forEach(m -> result.put(m.name(), m.result()));
        return result;
    }

    /** The model's outputs for these samples, one row each, in inference mode. */
    public FMatrixRMaj predict(FMatrixRMaj features, int batchSize) {
        return predict(Features.of(features), batchSize);
    }

    /** The model's outputs for these samples (stored in any form, e.g. bytes), one row each, in inference mode. */
    public FMatrixRMaj predict(Features features, int batchSize) {
        requireBuilt();
        FMatrixRMaj out = new FMatrixRMaj(features.rows(), outputShape().size());
        Batches batches = new Batches(new LabeledData(features, new FMatrixRMaj(features.rows(), 1)), batchSize, context.kernels(),
                inferenceBatch);
        for (int b = 0, row = 0; b < batches.count(); b++) {
            int rows = batches.load(b);
            FMatrixRMaj y = forward(batches.features(), false);
            System.arraycopy(y.data, 0, out.data, row * out.numCols, rows * out.numCols);
            row += rows;
        }
        return out;
    }

    /**
     * Runs a batch through every layer, as Keras's {@code model(x, training=...)}: in training mode
     * BatchNormalization normalizes with the batch's statistics and updates its moving ones, as
     * Keras 3 does; {@link #predictInTrainingMode} leaves them alone.
     *
     * @return the last layer's output buffer, overwritten by the next pass
     */
    public FMatrixRMaj forward(FMatrixRMaj batch, boolean training) {
        requireBuilt();
        FMatrixRMaj a = batch;
        for (int k = 0; k < order.length; k++) {
            Layer layer = layers.get(order[k]);
            appliedBefore[k] = false;
            Activation next = fusesNext[k] ? ((ActivationLayer) layers.get(order[k + 1])).activation() : null;
            if (next != null && ((FusesActivation) layer).fusesActivation(next, training)) {
                a = ((FusesActivation) layer).forwardActivated(a, training, next);
                appliedBefore[++k] = true;
            } else {
                // a layer run later than declared is an activation after the max pool: on the pool's output
                a = order[k] < k ? ((ActivationLayer) layer).forwardAnyShape(a) : layer.forward(a, training);
            }
        }
        return a;
    }

    /**
     * A batch's outputs in training mode (BatchNormalization with the batch's statistics, Dropout
     * dropping) with every non-trainable variable, e.g. BatchNormalization's moving statistics, left
     * as it was: what {@link #forward forward(batch, true)} computes without its updates. Dropout
     * still draws its masks from the layer's generator.
     *
     * @return a new matrix, one row a sample
     */
    public FMatrixRMaj predictInTrainingMode(FMatrixRMaj batch) {
        List<Variable> state = nonTrainableWeights();
        List<float[]> saved = copies(state);
        try {
            return forward(batch, true).copy();
        } finally {
            assign(state, saved);
        }
    }

    /**
     * One optimizer step on one batch: forward in training mode, loss, backward, update. The
     * gradient of the loss is taken from the logits when the loss is fused with the last activation.
     * A layer gets asked for its input gradient only when a layer before it has trainable weights.
     *
     * @return the logs of this batch alone, as Keras 2's {@code train_on_batch(..., reset_metrics=True)}:
     *     {@code loss} (the batch's mean, before the update) and each metric, e.g. {@code {loss=0.53, accuracy=0.81}}
     */
    public Map<String, Double> trainOnBatch(FMatrixRMaj features, FMatrixRMaj targets) {
        requireCompiled();
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", (double) trainStep(features, targets));
        for (Metric m : metrics) {
            m.reset();
            m.update(lastOutput, targets);
            logs.put(m.name(), m.result());
        }
        return logs;
    }

    /** One step of {@link #trainOnBatch} returning the loss alone: the fit loop's, which allocates nothing. */
    float trainStep(FMatrixRMaj features, FMatrixRMaj targets) {
        if (backwardUpdates == null) {
            float value = backpropagate(features, targets, EarlyUpdates.NONE);
            optimizer.apply(trainable, kernels());
            return value;
        }
        backwardUpdates.begin();
        float value = backpropagate(features, targets, backwardUpdates);
        backwardUpdates.finish(kernels());
        return value;
    }

    /**
     * The first half of a training step, for data-parallel training: forward in training mode
     * (BatchNormalization updates its moving statistics), loss and backward, leaving in each trainable
     * variable's {@link Variable#gradient()} the gradient of this batch's mean loss; no weight changes.
     *
     * @return the batch's mean loss; {@link #lastOutput()} holds its outputs
     */
    public float computeGradients(FMatrixRMaj features, FMatrixRMaj targets) {
        requireCompiled();
        return backpropagate(features, targets, EarlyUpdates.NONE);
    }

    /** The second half of a training step: one optimizer step from the gradients the trainable variables hold. */
    public void applyGradients() {
        requireCompiled();
        optimizer.apply(trainable, kernels());
    }

    /** Forward, loss and backward; the layers may update variables early through {@code updates}. */
    private float backpropagate(FMatrixRMaj features, FMatrixRMaj targets, EarlyUpdates updates) {
        FMatrixRMaj output = forward(features, true);
        lastOutput = output;
        lossGradient.reshape(output.numRows, output.numCols);
        float value = computeLoss(output, targets, lossGradient);
        int last = layers.size() - 1;
        FMatrixRMaj g = fusedLoss
                ? ((ActivatedLayer) layers.get(last)).backwardFromPreActivation(lossGradient, inputGradientNeeded[last])
                : layers.get(last).backward(lossGradient, inputGradientNeeded[last], updates);
        for (int k = last - 1; k >= 0 && g != null; k--) {
            if (appliedBefore[k]) {
                // the layer before takes g through the activation; without it, as the activation would have
                g = inputGradientNeeded[k] ? g : null;
                continue;
            }
            if (k == firstTrainable && updates == backwardUpdates && !trainableAfterFirst.isEmpty()
                    && kernels().threadsInUse() == 1) {
                // the first kernel is then what a step touches last, still in cache for the next
                // forward: 3 % of a one-thread step; on two threads 3 % slower (issue 14, session 13)
                backwardUpdates.updateFinal(trainableAfterFirst, kernels());
            }
            Layer layer = layers.get(order[k]);
            g = appliedBefore[k + 1]
                    ? ((FusesActivation) layer).backwardActivated(g, inputGradientNeeded[k])
                    : layer.backward(g, inputGradientNeeded[k], updates);
        }
        return value;
    }

    /** The output of the last training step's forward pass: a buffer the next pass overwrites. */
    public FMatrixRMaj lastOutput() {
        return lastOutput;
    }

    private float computeLoss(FMatrixRMaj output, FMatrixRMaj targets, FMatrixRMaj gradient) {
        if (fusedLoss) {
            FMatrixRMaj logits = ((ActivatedLayer) layers.get(layers.size() - 1)).preActivation();
            return loss instanceof SparseCategoricalCrossentropy sparse
                    ? rowParallelLoss.compute(sparse, logits, targets, gradient, kernels())
                    : loss.computeFromLogits(logits, targets, gradient);
        }
        return loss.compute(output, targets, gradient);
    }

    /**
     * Closes the kernels this model computes with, stopping their worker threads. Models given the
     * same kernels (one {@link BuildContext}) share them: close those once, when all are done.
     * Closing again does nothing; the model must not compute afterwards.
     */
    @Override
    public void close() {
        context.kernels().close();
    }

    /** The Keras summary table. */
    public String summary() {
        requireBuilt();
        return Summary.of(this);
    }

    private void requireBuilt() {
        if (!isBuilt()) {
            throw new NnException("model " + name + " is not built: give the first layer an input_shape or call build(shape)");
        }
    }

    private void requireCompiled() {
        if (optimizer == null) {
            throw new NnException("model " + name + " is not compiled: call compile(optimizer, loss, metrics) first");
        }
    }
}
