package nn.api;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * A {@link BaseOptimizer} whose update of each weight reads only that weight, its gradient and its
 * slot values (SGD, Adam, RMSprop, Adagrad; not an update that takes norms over a whole layer), so
 * that a step can be cut into ranges of weights run on the model's kernel threads
 * ({@link Kernels#forEachRange}) with the same bits for any cut. A subclass writes the update of a
 * range:
 *
 * <pre>{@code
 * protected void update(float[] w, float[] g, int from, int to, FMatrixRMaj[] slots, float lr) {
 *     float[] m = slots[0].data;
 *     for (int i = from; i < to; i++) { ... }
 * }
 * }</pre>
 */
public abstract class ElementwiseOptimizer extends BaseOptimizer {
    /** Weights a range holds at least: an update of 2^14 weights takes about 3 us, what a hand-over costs. */
    static final int MIN_RANGE = 1 << 14;

    private final RangeTask rangeUpdate = this::updateRange;
    private float[] weights;
    private float[] gradients;
    private FMatrixRMaj[] slots;
    private float learningRate;
    private float rate;

    /** As {@link BaseOptimizer#BaseOptimizer(String, Config, double, String...)}. */
    protected ElementwiseOptimizer(String type, Config config, double defaultLearningRate, String... ownKeys) {
        super(type, config, defaultLearningRate, ownKeys);
    }

    /** As {@link BaseOptimizer#BaseOptimizer(String, Config, double, double, String...)}. */
    protected ElementwiseOptimizer(String type, Config config, double defaultLearningRate, double defaultWeightDecay,
            String... ownKeys) {
        super(type, config, defaultLearningRate, defaultWeightDecay, ownKeys);
    }

    /**
     * Updates the weights {@code from} to {@code to - 1} in place from their gradients and slots (in
     * {@link #slotNames()} order), each weight from its own values only; {@link #iterations()} is
     * still the count before this step. Called at once on several threads for disjoint ranges of
     * a variable, so it writes no fields.
     */
    protected abstract void update(float[] weights, float[] gradients, int from, int to, FMatrixRMaj[] slots, float rate);

    @Override
    protected final void update(float[] weights, float[] gradients, int n, FMatrixRMaj[] slots, float rate) {
        update(weights, gradients, 0, n, slots, rate);
    }

    @Override
    final void updateVariable(float[] w, float[] g, int n, FMatrixRMaj[] s, float lr, float r, Kernels kernels) {
        weights = w;
        gradients = g;
        slots = s;
        learningRate = lr;
        rate = r;
        try {
            kernels.forEachRange(n, MIN_RANGE, rangeUpdate);
        } finally {
            weights = null;
            gradients = null;
            slots = null;
        }
    }

    /**
     * Updates the weights {@code from} to {@code to - 1} of one trainable variable now, from their
     * gradients, exactly as the next {@link #apply} would (its learning rate, the step count before
     * it), without counting a step: an update fused into the backward pass ({@link EarlyUpdates}).
     * The variable needs its slots ({@link #build}) and the next apply must leave it out. Safe on
     * several threads at once for disjoint ranges.
     */
    public final void updateEarly(Variable variable, int from, int to) {
        FMatrixRMaj[] variableSlots = slotsOf(variable);
        if (from < 0 || to > variable.size() || from > to) {
            throw new IllegalArgumentException("range " + from + " to " + to + " is outside " + variable.path()
                    + " (" + variable.size() + " weights)");
        }
        float lr = learningRate();
        updateSlice(variable.value().data, variable.gradient().data, from, to, variableSlots, lr, stepRate(lr));
    }

    /**
     * Updates whole variables now, cut between the kernels' threads, exactly as the next
     * {@link #apply} would, without counting a step: variables whose gradients are final before
     * the backward pass ends ({@link EarlyUpdates}). They need their slots ({@link #build}) and the
     * next apply must leave them out.
     */
    public final void updateEarly(List<Variable> variables, Kernels kernels) {
        updateAll(variables, kernels);
    }

    private void updateRange(int from, int to) {
        updateSlice(weights, gradients, from, to, slots, learningRate, rate);
    }

    /** Weight decay, then the update rule, for the weights from to to - 1. */
    private void updateSlice(float[] w, float[] g, int from, int to, FMatrixRMaj[] variableSlots, float lr, float stepRate) {
        decayWeights(w, from, to, lr);
        update(w, g, from, to, variableSlots, stepRate);
    }
}
