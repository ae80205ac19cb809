package nn.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.io.ModelArtifacts;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.OptimizerState;
import nn.io.SavedTensor;
import nn.io.hdf5.Hdf5Attributes;
import nn.io.hdf5.Hdf5Datasets;
import nn.io.hdf5.Hdf5Input;
import nn.io.json.JsonValues;
import nn.io.keras.Keras3ConfigReader;
import nn.io.keras.OptimizerConfigs;

/**
 * Reads a Keras {@code .h5} model file the way Keras's legacy loader does: the model from
 * {@code model_config} (Keras 2 or Keras 3 style), compile settings from {@code training_config}
 * if there, and for each name in {@code layer_names} (possibly split into {@code layer_names0, 1, ...})
 * the datasets its group's {@code weight_names} list, in order (a missing list means none). The
 * optimizer state is kept when its names are Keras 2's legacy ones ({@link H5Names}); otherwise
 * (another optimizer layout) the model loads without it.
 */
final class H5Reader {

    private H5Reader() {
    }

    static ModelArtifacts read(Path file) {
        String source = file.toString();
        try (Hdf5Input in = Hdf5Input.open(file)) {
            Group root = in.root();
            String modelConfig = Hdf5Attributes.string(in, root, "model_config").orElseThrow(() -> new NnException(source
                    + ": has no model_config attribute: it holds weights only (Keras's save_weights), not a model"));
            Map<String, Object> model = new LinkedHashMap<>(Keras3ConfigReader.toKeras2(
                    json(modelConfig, source + ": model_config"), source + ": model_config"));
            Optional<Map<String, Object>> training = Hdf5Attributes.string(in, root, "training_config")
                    .map(text -> trainingConfig(json(text, source + ": training_config"), source + ": training_config"));
            training.ifPresent(t -> model.put("training_config", t));
            ModelDefinition definition = ModelFiles.parse(model, source);

            Group weights = in.group(root, "model_weights").orElse(root);
            List<SavedTensor> tensors = new ArrayList<>();
            for (String layer : Hdf5Attributes.strings(in, weights, "layer_names")) {
                Group group = in.group(weights, layer).orElseThrow(() -> new NnException(source + ": layer_names lists '"
                        + layer + "' but " + weights.getPath() + " has no group of that name"));
                for (String name : Hdf5Attributes.strings(in, group, "weight_names")) {
                    tensors.add(tensor(in, group, layer, name, H5Names.variablePath(layer, name)));
                }
            }
            Optional<OptimizerState> optimizer = definition.compile().flatMap(spec -> in.group(root, "optimizer_weights")
                    .flatMap(group -> optimizer(in, group, spec.optimizer())));
            return new ModelArtifacts(definition, tensors, optimizer, Map.of(), source);
        }
    }

    private static SavedTensor tensor(Hdf5Input in, Group group, String layer, String name, String path) {
        Dataset dataset = in.dataset(group, name).orElseThrow(() -> new NnException(in.source() + ": "
                + group.getPath() + " lists the weight '" + name + "' but holds no such dataset"));
        String origin = in.source() + ": " + dataset.getPath();
        return new SavedTensor(layer, path, Hdf5Datasets.shape(in, dataset), Hdf5Datasets.floats(in, dataset), origin);
    }

    /** The state, when every name is an iteration count or a slot in Keras 2's legacy naming. */
    private static Optional<OptimizerState> optimizer(Hdf5Input in, Group group, String className) {
        List<String> names = Hdf5Attributes.strings(in, group, "weight_names");
        long iterations = -1;
        List<SavedTensor> slots = new ArrayList<>();
        for (String name : names) {
            if (H5Names.isIterations(name)) {
                Dataset dataset = in.dataset(group, name).orElseThrow(() -> missing(in, group, name));
                iterations = Hdf5Datasets.integer(in, dataset);
                continue;
            }
            Optional<String> slot = H5Names.nnSlot(name);
            if (slot.isEmpty()) {
                return Optional.empty();
            }
            slots.add(tensor(in, group, null, name, slot.get()));
        }
        if (iterations < 0) {
            return Optional.empty();
        }
        return Optional.of(new OptimizerState(className, iterations, slots, in.source() + ": " + group.getPath()));
    }

    private static NnException missing(Hdf5Input in, Group group, String name) {
        return new NnException(in.source() + ": " + group.getPath() + " lists '" + name + "' but holds no such dataset");
    }

    private static Map<String, Object> trainingConfig(Map<String, Object> training, String where) {
        Map<String, Object> out = new LinkedHashMap<>(training);
        if (training.get("optimizer_config") instanceof Map<?, ?> optimizer && optimizer.get("config") instanceof Map<?, ?>) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("class_name", optimizer.get("class_name"));
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) optimizer.get("config");
            config.put("config", OptimizerConfigs.toKeras2(settings, where + ": optimizer_config.config"));
            out.put("optimizer_config", config);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text, String where) {
        Object value = JsonValues.toJava(JsonValues.parse(text, where));
        if (!(value instanceof Map<?, ?>)) {
            throw new NnException(where + ": must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
