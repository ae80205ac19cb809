package nn.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nn.api.Layer;
import nn.api.Optimizer;
import nn.api.Variable;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/**
 * A model as every format reads and writes it (tfjs calls it the model artifacts): the definition
 * (layers, input shape, compile settings), the weights of each layer in model order, the optimizer's
 * state if the format keeps it, and the caller's state (e.g. the epoch of a checkpoint; only nn's
 * model.zip keeps it).
 *
 * @param origin the file it was read from, or {@code model <name>} for a live model, for errors
 */
public record ModelArtifacts(ModelDefinition definition, List<SavedTensor> weights, Optional<OptimizerState> optimizer,
        Map<String, Object> state, String origin) {

    public ModelArtifacts {
        Objects.requireNonNull(definition, "definition");
        weights = List.copyOf(weights);
        Objects.requireNonNull(optimizer, "optimizer");
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state == null ? Map.of() : state));
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * The artifacts of a built model, sharing its arrays (nothing is copied: write them before
     * training on). The optimizer state is there when the model is compiled.
     *
     * @param compile the compile settings to record; null for how the model is compiled (none if it is not)
     */
    public static ModelArtifacts of(Sequential model, CompileSpec compile, Map<String, Object> state) {
        String origin = "model " + model.name();
        CompileSpec settings = compile != null ? compile : model.isCompiled() ? CompileSpec.of(model) : null;
        List<SavedTensor> weights = new ArrayList<>();
        for (Layer layer : model.layers()) {
            for (Variable v : layer.weights()) {
                weights.add(new SavedTensor(layer.name(), v.path(), v.shape().toList(), values(v.value(), v.size()), origin));
            }
        }
        Optional<OptimizerState> optimizer = Optional.empty();
        if (model.isCompiled()) {
            Optimizer o = model.optimizer();
            o.build(model.trainableWeights());
            List<SavedTensor> slots = new ArrayList<>();
            o.slots().forEach((name, m) -> slots.add(new SavedTensor(null, name, List.of(m.numRows, m.numCols),
                    values(m, m.getNumElements()), origin)));
            optimizer = Optional.of(new OptimizerState(o.type(), o.iterations(), slots, origin));
        }
        return new ModelArtifacts(ModelDefinition.of(model, settings), weights, optimizer, state, origin);
    }

    private static float[] values(FMatrixRMaj matrix, int count) {
        return matrix.data.length == count ? matrix.data : Arrays.copyOf(matrix.data, count);
    }

    /** The weights of one layer, in their saved order. */
    public List<SavedTensor> weightsOf(String layer) {
        return weights.stream().filter(w -> layer.equals(w.layer())).toList();
    }

    public ModelArtifacts withDefinition(ModelDefinition other) {
        return new ModelArtifacts(other, weights, optimizer, state, origin);
    }
}
