package nn.core;

import java.util.ArrayList;
import java.util.List;
import nn.api.EarlyUpdates;
import nn.api.ElementwiseOptimizer;
import nn.api.Kernels;
import nn.api.Variable;

/**
 * A training step's optimizer step with an elementwise optimizer, taken during the backward pass
 * where a layer can ({@link EarlyUpdates}): layers claim variables and hand over their ranges, and
 * {@link #finish} has the optimizer's apply update the rest and count the step. The bits are those
 * of one apply after the pass (issue 14: the first layer's kernel updated block by block while its
 * gradient is in cache, instead of read back from memory by a separate pass, and the other
 * variables just before, so that the first kernel is what a step touches last).
 */
final class BackwardUpdates implements EarlyUpdates {
    private final ElementwiseOptimizer optimizer;
    private final List<Variable> trainable;
    private final List<Variable> claimed = new ArrayList<>();
    private final List<Variable> rest = new ArrayList<>();

    BackwardUpdates(ElementwiseOptimizer optimizer, List<Variable> trainable) {
        this.optimizer = optimizer;
        this.trainable = trainable;
    }

    /** Starts a step: the slots of every trainable variable made, in their order, and nothing claimed. */
    void begin() {
        optimizer.build(trainable);
        claimed.clear();
    }

    /** Only a trainable variable of this model, once a step. */
    @Override
    public boolean claim(Variable variable) {
        if (!holds(trainable, variable) || holds(claimed, variable)) {
            return false;
        }
        claimed.add(variable);
        return true;
    }

    @Override
    public void update(Variable variable, int from, int to) {
        optimizer.updateEarly(variable, from, to);
    }

    /**
     * Updates these variables now, on the kernels' threads, and claims them: the caller knows their
     * gradients are final (the layers they belong to are done with this backward pass).
     */
    void updateFinal(List<Variable> variables, Kernels kernels) {
        for (int i = 0; i < variables.size(); i++) {
            if (!claim(variables.get(i))) {
                throw new IllegalStateException(variables.get(i).path() + " is claimed already or not trainable here");
            }
        }
        optimizer.updateEarly(variables, kernels);
    }

    /** Ends the step: the optimizer's apply over the variables nobody claimed, which counts the step. */
    void finish(Kernels kernels) {
        rest.clear();
        for (int i = 0; i < trainable.size(); i++) {
            Variable variable = trainable.get(i);
            if (!holds(claimed, variable)) {
                rest.add(variable);
            }
        }
        optimizer.apply(rest, kernels);
    }

    /** By identity: two variables may be equal in value but never the same weights. */
    private static boolean holds(List<Variable> variables, Variable variable) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i) == variable) {
                return true;
            }
        }
        return false;
    }
}
