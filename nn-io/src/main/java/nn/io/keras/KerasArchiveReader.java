package nn.io.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.io.LayerSpec;
import nn.io.ModelArtifacts;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.OptimizerState;
import nn.io.SavedTensor;
import nn.io.hdf5.Hdf5Datasets;
import nn.io.hdf5.Hdf5Input;
import nn.io.json.JsonValues;
import nn.io.zip.SafeZip;

/**
 * Reads a {@code .keras} zip (through {@link SafeZip}: known entries only, sizes bounded): the model
 * from {@code config.json}, each layer's variables by position from its {@code vars} group, and the
 * optimizer's iterations and slots from {@code optimizer/vars} ({@code 0} iterations, {@code 1} the
 * learning rate unless it is a schedule, then the slots in nn's slot order, which is Keras's for SGD).
 */
final class KerasArchiveReader {

    private KerasArchiveReader() {
    }

    static ModelArtifacts read(Path file) {
        String source = file.toString();
        Map<String, byte[]> entries = entries(file);
        String where = source + ": " + KerasArchive.CONFIG;
        Map<String, Object> config = json(entries.get(KerasArchive.CONFIG), where);
        json(entries.get(KerasArchive.METADATA), source + ": " + KerasArchive.METADATA);
        Map<String, Object> model = new LinkedHashMap<>(Keras3ConfigReader.toKeras2(config, where));
        Object compileConfig = config.get("compile_config");
        Keras3CompileConfig.trainingConfig(compileConfig, where + ": compile_config")
                .ifPresent(training -> model.put("training_config", training));
        ModelDefinition definition = ModelFiles.parse(model, where);

        try (Hdf5Input in = Hdf5Input.of(entries.get(KerasArchive.WEIGHTS), source + ": " + KerasArchive.WEIGHTS)) {
            List<SavedTensor> weights = layerWeights(in, definition);
            Optional<OptimizerState> optimizer = definition.compile().flatMap(spec -> in.group(in.root(),
                    KerasWeightsLayout.OPTIMIZER_VARS).map(vars -> optimizer(in, vars, spec.optimizer(),
                    Keras3CompileConfig.keepsLearningRateVariable(compileConfig))));
            return new ModelArtifacts(definition, weights, optimizer, Map.of(), source);
        }
    }

    /** The three entries' bytes: the JSON ones under the text cap, the weights file whole (jhdf reads HDF5 from bytes). */
    private static Map<String, byte[]> entries(Path file) {
        try (SafeZip zip = SafeZip.open(file, KerasArchive.ENTRIES, SafeZip.Limits.DEFAULT)) {
            return Map.of(KerasArchive.CONFIG, zip.bytes(KerasArchive.CONFIG), KerasArchive.METADATA,
                    zip.bytes(KerasArchive.METADATA), KerasArchive.WEIGHTS, zip.read(KerasArchive.WEIGHTS, InputStream::readAllBytes));
        }
    }

    private static List<SavedTensor> layerWeights(Hdf5Input in, ModelDefinition definition) {
        List<LayerSpec> layers = definition.layers();
        List<String> paths = KerasWeightsLayout.varsGroups(layers.stream().map(LayerSpec::className).toList());
        List<SavedTensor> weights = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i).name();
            // As Keras: a layer without a vars group has no variables (restoring then names any the model misses).
            Optional<Group> vars = in.group(in.root(), paths.get(i));
            if (vars.isPresent()) {
                for (Dataset dataset : KerasWeightsFile.datasets(in, vars.get())) {
                    weights.add(tensor(in, layer, dataset));
                }
            }
        }
        return weights;
    }

    private static OptimizerState optimizer(Hdf5Input in, Group vars, String className, boolean learningRateVariable) {
        List<Dataset> datasets = KerasWeightsFile.datasets(in, vars);
        if (datasets.isEmpty()) {
            throw new NnException(in.source() + ": " + vars.getPath() + " has no iteration count (0)");
        }
        long iterations = Hdf5Datasets.integer(in, datasets.get(0));
        int firstSlot = learningRateVariable ? 2 : 1;
        List<SavedTensor> slots = new ArrayList<>();
        for (int i = firstSlot; i < datasets.size(); i++) {
            slots.add(tensor(in, null, datasets.get(i)));
        }
        return new OptimizerState(className, iterations, slots, in.source() + ": " + vars.getPath());
    }

    private static SavedTensor tensor(Hdf5Input in, String layer, Dataset dataset) {
        return new SavedTensor(layer, null, Hdf5Datasets.shape(in, dataset), Hdf5Datasets.floats(in, dataset),
                in.source() + ": " + dataset.getPath());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] bytes, String where) {
        Object value = JsonValues.toJava(JsonValues.parse(new String(bytes, StandardCharsets.UTF_8), where));
        if (!(value instanceof Map<?, ?>)) {
            throw new NnException(where + ": must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
