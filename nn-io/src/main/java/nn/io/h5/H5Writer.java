package nn.io.h5;

import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;
import nn.io.AtomicFile;
import nn.io.LayerSpec;
import nn.io.ModelArtifacts;
import nn.io.ModelFiles;
import nn.io.OptimizerState;
import nn.io.SavedTensor;
import nn.io.hdf5.Hdf5Output;
import nn.io.json.JsonValues;

/**
 * Writes artifacts as Keras 2's {@code save_model_to_hdf5} does: root attributes, then
 * {@code /model_weights/<layer>/<weight name>} datasets (a weight name {@code dense/kernel:0} is a
 * group {@code dense} holding {@code kernel:0}), then {@code /optimizer_weights} when the model is
 * compiled (iterations as {@code SGD/iter:0}, int64, and every slot with its variable's shape).
 */
final class H5Writer {
    static final String BACKEND = "tensorflow";

    private H5Writer() {
    }

    static void write(ModelArtifacts artifacts, Path file) {
        Map<String, Object> model = new LinkedHashMap<>(ModelFiles.toMap(artifacts.definition()));
        Object training = model.remove("training_config");
        String kerasVersion = String.valueOf(model.get("keras_version"));
        Map<String, Object> modelConfig = new LinkedHashMap<>();
        modelConfig.put("class_name", model.get("class_name"));
        modelConfig.put("config", model.get("config"));
        List<String> layers = layerNames(artifacts, file);
        Map<String, List<Integer>> shapes = new HashMap<>();
        for (SavedTensor t : artifacts.weights()) {
            shapes.put(named(t, file), t.shape());
        }
        try {
            AtomicFile.write(file, out -> Hdf5Output.writeTo(out, h5 -> {
                WritableGroup root = h5.root();
                Hdf5Output.putText(root, "keras_version", kerasVersion);
                Hdf5Output.putText(root, "backend", BACKEND);
                Hdf5Output.putText(root, "model_config", JsonValues.write(modelConfig));
                if (training != null) {
                    Hdf5Output.putText(root, "training_config", JsonValues.write(training));
                }
                writeWeights(h5, artifacts, layers, kerasVersion, file);
                if (training != null) {
                    artifacts.optimizer().ifPresent(state -> writeOptimizer(h5, state, shapes, file));
                }
            }));
        } catch (NnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NnException(file + ": cannot save as Keras .h5: " + e.getMessage(), e);
        }
    }

    private static List<String> layerNames(ModelArtifacts artifacts, Path file) {
        List<String> names = new ArrayList<>();
        for (LayerSpec layer : artifacts.definition().layers()) {
            if (layer.name() == null || layer.name().isEmpty() || layer.name().contains("/")) {
                throw new NnException(file + ": cannot save as Keras .h5: a " + layer.className()
                        + " layer has no name usable as an HDF5 group (" + layer.name() + ")");
            }
            names.add(layer.name());
        }
        return names;
    }

    private static void writeWeights(Hdf5Output h5, ModelArtifacts artifacts, List<String> layers, String kerasVersion,
            Path file) {
        WritableGroup weights = h5.group("model_weights");
        Hdf5Output.putStrings(weights, "layer_names", layers);
        Hdf5Output.putText(weights, "backend", BACKEND);
        Hdf5Output.putText(weights, "keras_version", kerasVersion);
        for (String layer : layers) {
            WritableGroup group = h5.group("model_weights/" + layer);
            List<String> names = new ArrayList<>();
            for (SavedTensor t : artifacts.weightsOf(layer)) {
                String name = named(t, file);
                names.add(name);
                h5.putFloats("model_weights/" + layer + "/" + name, t.shape(), t.values());
            }
            // jhdf cannot write an empty attribute; Keras's readers take a missing one as "no weights".
            Hdf5Output.putStrings(group, "weight_names", names);
        }
    }

    private static void writeOptimizer(Hdf5Output h5, OptimizerState state, Map<String, List<Integer>> shapes, Path file) {
        String optimizer = state.className();
        List<String> names = new ArrayList<>();
        names.add(H5Names.iterations(optimizer));
        h5.putLong("optimizer_weights/" + H5Names.iterations(optimizer), state.iterations());
        for (SavedTensor slot : state.slots()) {
            String nnName = named(slot, file);
            String name = H5Names.slot(optimizer, nnName);
            names.add(name);
            List<Integer> shape = shapes.getOrDefault(nnName.substring(0, nnName.lastIndexOf('/')), slot.shape());
            h5.putFloats("optimizer_weights/" + name, shape, slot.values());
        }
        Hdf5Output.putStrings(h5.group("optimizer_weights"), "weight_names", names);
    }

    private static String named(SavedTensor t, Path file) {
        if (t.name() == null) {
            throw new NnException(file + ": cannot save as Keras .h5: " + t.origin() + " has no name (the format it was "
                    + "read from keeps positions only); load the model and save it instead");
        }
        return t.name();
    }
}
