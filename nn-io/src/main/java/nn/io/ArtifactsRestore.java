package nn.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import nn.api.BuildContext;
import nn.api.Layer;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Variable;
import nn.core.PluginRegistry;
import nn.core.SavedNames;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/**
 * Turns artifacts back into a live model: builds it from the definition with the registry's
 * providers, compiles it when the definition has compile settings, and copies in the saved weights
 * and optimizer state after checking them against the model: every saved tensor must belong to it
 * with the same shape and finite values (a moving variance also not negative), and every variable
 * (and slot, when the optimizer state is saved) must have been saved.
 */
final class ArtifactsRestore {
    private static final String MOVING_VARIANCE = "/moving_variance:0";

    private ArtifactsRestore() {
    }

    static LoadedModel restore(ModelArtifacts artifacts, PluginRegistry registry,
            Function<Map<String, Object>, BuildContext> contextForState) {
        ModelDefinition definition = artifacts.definition();
        Sequential model = definition.build(registry, contextForState.apply(artifacts.state()));
        if (definition.compile().isPresent()) {
            definition.compile(model, registry);
        }
        copyWeights(artifacts, model);
        artifacts.optimizer().ifPresent(state -> restoreOptimizer(state, model));
        return new LoadedModel(model, definition, artifacts.state());
    }

    static void copyWeights(ModelArtifacts artifacts, Sequential model) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        model.weights().forEach(v -> variables.put(v.path(), v));
        assign(named(artifacts, model), variables, v -> v.shape().toList(), (v, t) -> v.shape().toList().equals(t.shape()),
                Variable::assign, "variable", artifacts.origin());
    }

    private static void restoreOptimizer(OptimizerState state, Sequential model) {
        if (!model.isCompiled()) {
            return; // a file with optimizer state but no compile settings: nothing to give the state to
        }
        Optimizer optimizer = model.optimizer();
        if (!SavedNames.plain(state.className()).equals(optimizer.type())) {
            throw new NnException(state.origin() + ": holds the state of a " + state.className()
                    + " optimizer, but the model is compiled with " + optimizer.type());
        }
        optimizer.build(model.trainableWeights());
        Map<String, FMatrixRMaj> slots = optimizer.slots();
        List<SavedTensor> named = new ArrayList<>();
        List<String> slotNames = new ArrayList<>(slots.keySet());
        List<SavedTensor> saved = state.slots();
        for (int i = 0; i < saved.size(); i++) {
            SavedTensor t = saved.get(i);
            if (t.name() == null && i >= slotNames.size()) {
                throw new NnException(t.origin() + ": slot #" + i + " is one more than the " + slotNames.size()
                        + " slots of the model's optimizer");
            }
            named.add(t.name() != null ? t : rename(t, slotNames.get(i)));
        }
        // A slot is a flat buffer of its variable's size: formats keep it as [rows, columns] (model.zip)
        // or in the variable's shape (.h5, .keras), so only the count must agree.
        assign(named, slots, m -> List.of(m.numRows, m.numCols), (m, t) -> m.getNumElements() == t.elements(),
                (slot, values) -> System.arraycopy(values, 0, slot.data, 0, values.length), "optimizer slot", state.origin());
        optimizer.setIterations(state.iterations());
    }

    /** The saved weights, each with the path of the variable it stands for (a positional one takes its layer's variable at that position). */
    private static List<SavedTensor> named(ModelArtifacts artifacts, Sequential model) {
        List<SavedTensor> named = new ArrayList<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (SavedTensor t : artifacts.weights()) {
            if (t.name() != null) {
                named.add(t);
                continue;
            }
            int position = positions.merge(t.layer(), 1, Integer::sum) - 1;
            Layer layer = layerNamed(model, t.layer());
            if (layer == null) {
                throw new NnException(t.origin() + ": weights of layer '" + t.layer() + "', which the model does not have;"
                        + " its layers: " + model.layers().stream().map(Layer::name).toList());
            }
            if (position >= layer.weights().size()) {
                throw new NnException(t.origin() + ": layer '" + t.layer() + "' has " + layer.weights().size()
                        + " variables " + layer.weights().stream().map(Variable::path).toList() + ", but the file holds more");
            }
            named.add(rename(t, layer.weights().get(position).path()));
        }
        return named;
    }

    private static Layer layerNamed(Sequential model, String name) {
        for (Layer l : model.layers()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    private static SavedTensor rename(SavedTensor t, String name) {
        return new SavedTensor(t.layer(), name, t.shape(), t.values(), t.origin());
    }

    /**
     * Copies saved tensors into the model's own ({@code live}, by name), after checking that the
     * two sets of names are the same, each saved tensor {@code fits} its target and the values are finite.
     *
     * @param shapeOf a target's shape, for messages
     */
    private static <T> void assign(List<SavedTensor> saved, Map<String, T> live, Function<T, List<Integer>> shapeOf,
            BiPredicate<T, SavedTensor> fits, BiConsumer<T, float[]> assign, String kind, String origin) {
        Map<String, SavedTensor> byName = new LinkedHashMap<>();
        for (SavedTensor tensor : saved) {
            String name = tensor.name();
            T target = live.get(name);
            if (target == null) {
                throw new NnException(tensor.origin() + ": '" + name + "' is not a " + kind + " of the model; it has "
                        + live.keySet());
            }
            if (byName.put(name, tensor) != null) {
                throw new NnException(tensor.origin() + ": '" + name + "' appears twice");
            }
            if (!fits.test(target, tensor)) {
                throw new NnException(tensor.origin() + ": '" + name + "' has shape " + tensor.shape() + " but the model's "
                        + kind + " has shape " + shapeOf.apply(target));
            }
            checkValues(tensor);
        }
        for (String name : live.keySet()) {
            if (!byName.containsKey(name)) {
                throw new NnException(origin + ": has no entry for the model's " + kind + " '" + name + "'");
            }
        }
        byName.forEach((name, tensor) -> assign.accept(live.get(name), tensor.values()));
    }

    private static void checkValues(SavedTensor tensor) {
        float[] values = tensor.values();
        boolean variance = tensor.name().endsWith(MOVING_VARIANCE);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new NnException(tensor.origin() + ": '" + tensor.name() + "' holds " + values[i] + " at index " + i
                        + "; a model's values must be finite");
            }
            if (variance && values[i] < 0) {
                throw new NnException(tensor.origin() + ": '" + tensor.name() + "' holds " + values[i] + " at index " + i
                        + "; a variance cannot be negative");
            }
        }
    }
}
