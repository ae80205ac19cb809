package nn.api;

import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;

/**
 * Updates trainable variables from their gradients, one step a batch. It counts its steps
 * ({@code iterations}, as Keras does, for learning-rate decay) and keeps its per-variable state in
 * named slots, so that training can be saved and resumed exactly.
 */
public interface Optimizer {

    /** Keras class name, e.g. {@code SGD}. */
    String type();

    /** Creates the slots for these variables (done by the first {@link #apply} if not before). */
    void build(List<Variable> variables);

    /** One step: updates each variable from its gradient, then counts the step. */
    void apply(List<Variable> variables);

    /**
     * {@link #apply(List)}, free to cut elementwise work between the threads of {@code kernels}
     * (the model's) with the same bits as on one thread; by default it ignores them.
     */
    default void apply(List<Variable> variables, Kernels kernels) {
        apply(variables);
    }

    /** Steps done so far. */
    long iterations();

    void setIterations(long iterations);

    /** The live state, keyed {@code <variable path>/<slot>}, e.g. {@code dense/kernel:0/momentum}. */
    Map<String, FMatrixRMaj> slots();

    /**
     * The learning rate of the next step, after any decay: Keras's {@code optimizer.learning_rate}.
     * By default the configuration's {@code learning_rate}.
     */
    default float learningRate() {
        if (config().get("learning_rate") instanceof Number rate) {
            return rate.floatValue();
        }
        throw new NnException("optimizer " + type() + " has no learning_rate in its configuration");
    }

    /**
     * Sets the base learning rate, the configuration's {@code learning_rate} (Keras's
     * {@code optimizer.learning_rate = ...}); any decay goes on from the steps already done.
     * By default refused: an optimizer says whether it can.
     */
    default void setLearningRate(float learningRate) {
        throw new NnException("optimizer " + type() + " cannot change its learning rate");
    }

    /** Keras configuration, e.g. {@code learning_rate}, {@code momentum}, {@code nesterov}. */
    Map<String, Object> config();
}
