package nn.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Variable;
import nn.core.PluginRegistry;
import nn.core.Sequential;

/**
 * Rebuilds a model from the entries of a {@link ModelArchive}, checking the indexes against the
 * model: every saved tensor must belong to it with the same shape, and every variable and slot of
 * the model must have been saved.
 */
final class ArchiveLoader {

    private ArchiveLoader() {
    }

    static LoadedModel load(Path file, Map<String, byte[]> entries, PluginRegistry registry,
            Function<Map<String, Object>, BuildContext> contextForState) {
        String source = file.toString();
        Map<String, Object> state = json(entries, ModelArchive.STATE, source).toMap();
        if (state.containsKey(ModelArchive.EPOCH) && !(state.get(ModelArchive.EPOCH) instanceof Integer epoch && epoch >= 0)) {
            throw new NnException(source + ": " + ModelArchive.STATE + ": epoch: must be a whole number >= 0, got "
                    + state.get(ModelArchive.EPOCH));
        }
        ModelDefinition definition = ModelFiles.parse(text(entries, ModelArchive.MODEL),
                source + ": " + ModelArchive.MODEL);
        Sequential model = definition.build(registry, contextForState.apply(state));
        definition.compile(model, registry);

        JsonCursor weightsIndex = json(entries, ModelArchive.WEIGHTS_INDEX, source);
        checkVersion(weightsIndex);
        Map<String, Variable> variables = new LinkedHashMap<>();
        model.weights().forEach(v -> variables.put(v.path(), v));
        restore(weightsIndex.get("variables"), entries.get(ModelArchive.WEIGHTS), ModelArchive.WEIGHTS, variables,
                v -> v.shape().toList(), Variable::assign, "variable");

        JsonCursor optimizerIndex = json(entries, ModelArchive.OPTIMIZER_INDEX, source);
        checkVersion(optimizerIndex);
        Optimizer optimizer = model.optimizer();
        String className = optimizerIndex.string("class_name");
        if (!className.equals(optimizer.type())) {
            throw optimizerIndex.get("class_name").error("holds the state of a " + className + " optimizer, but "
                    + ModelArchive.MODEL + " compiles the model with " + optimizer.type());
        }
        long iterations = optimizerIndex.count("iterations", Long.MAX_VALUE);
        optimizer.build(model.trainableWeights());
        restore(optimizerIndex.get("slots"), entries.get(ModelArchive.OPTIMIZER), ModelArchive.OPTIMIZER,
                optimizer.slots(), ModelArchive::slotShape,
                (slot, values) -> System.arraycopy(values, 0, slot.data, 0, values.length), "optimizer slot");
        optimizer.setIterations(iterations);
        return new LoadedModel(model, definition, state);
    }

    /**
     * Copies saved tensors into the model's own ({@code live}, by name), after checking that the
     * two sets of names are the same and each shape matches.
     */
    private static <T> void restore(JsonCursor index, byte[] bin, String binName, Map<String, T> live,
            Function<T, List<Integer>> shapeOf, BiConsumer<T, float[]> assign, String kind) {
        Map<String, TensorPack.Tensor> saved = TensorPack.read(index, bin, binName);
        saved.forEach((name, tensor) -> {
            T target = live.get(name);
            if (target == null) {
                throw tensor.at().error("'" + name + "' is not a " + kind + " of the model; it has " + live.keySet());
            }
            if (!shapeOf.apply(target).equals(tensor.shape())) {
                throw tensor.at().error("'" + name + "' has shape " + tensor.shape() + " but the model's "
                        + kind + " has shape " + shapeOf.apply(target));
            }
        });
        for (String name : live.keySet()) {
            if (!saved.containsKey(name)) {
                throw index.error("has no entry for the model's " + kind + " '" + name + "'");
            }
        }
        saved.forEach((name, tensor) -> assign.accept(live.get(name), tensor.values()));
    }

    private static void checkVersion(JsonCursor index) {
        index.requireObject();
        long version = index.count("format_version", Integer.MAX_VALUE);
        if (version != ModelArchive.FORMAT_VERSION) {
            throw index.get("format_version").error("this archive has format version " + version
                    + "; this program reads version " + ModelArchive.FORMAT_VERSION);
        }
    }

    private static JsonCursor json(Map<String, byte[]> entries, String name, String source) {
        String where = source + ": " + name;
        return JsonCursor.root(JsonValues.parse(text(entries, name), where), where);
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }
}
