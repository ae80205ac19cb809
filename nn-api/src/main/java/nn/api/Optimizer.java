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

    /** Steps done so far. */
    long iterations();

    void setIterations(long iterations);

    /** The live state, keyed {@code <variable path>/<slot>}, e.g. {@code dense/kernel:0/momentum}. */
    Map<String, FMatrixRMaj> slots();

    /** Keras configuration, e.g. {@code learning_rate}, {@code momentum}, {@code nesterov}. */
    Map<String, Object> config();
}
