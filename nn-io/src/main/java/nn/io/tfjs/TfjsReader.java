package nn.io.tfjs;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nn.io.ModelArtifacts;
import nn.io.ModelDefinition;
import nn.io.json.JsonCursor;
import nn.io.json.JsonText;
import nn.io.json.JsonValues;
import nn.io.json.ModelJsonReader;

/**
 * Reads a layers-model's {@code model.json} and its weight files. The topology is what tfjs writes
 * (the first layer carries {@code batch_input_shape}), what tf.keras 2 writes (an {@code InputLayer}),
 * or the converter's wrapper {@code {"model_config": ..., "training_config": ...}}; the compile
 * settings come from {@code trainingConfig} when there are any.
 */
final class TfjsReader {
    private TfjsReader() {
    }

    static ModelArtifacts read(Path modelJson) {
        String source = modelJson.toString();
        JsonCursor root = JsonCursor.root(JsonValues.parse(JsonText.read(modelJson), source), source).requireObject();
        if (root.has("format") && !"layers-model".equals(root.get("format").node().asText())) {
            throw root.get("format").error("is \"" + root.get("format").node().asText()
                    + "\"; nn reads layers-models (a graph-model holds no Keras layers)");
        }
        JsonCursor topology = root.object("modelTopology");
        Optional<JsonCursor> training = root.optional("trainingConfig");
        if (topology.has("model_config")) { // the converter's wrapper of a Keras saved model
            training = topology.optional("training_config").or(() -> root.optional("trainingConfig"));
            topology = topology.object("model_config");
        }
        Map<String, Object> keras = topology.toMap();
        training.ifPresent(t -> keras.put("training_config", TfjsTrainingConfig.toKeras(t.toMap())));
        String where = source + ": modelTopology";
        ModelDefinition definition = ModelJsonReader.read(JsonCursor.root(JsonValues.toJson(keras), where), where);
        if (!root.has("weightsManifest")) {
            throw root.error("has no \"weightsManifest\": it describes a model without its weights");
        }
        WeightsManifest manifest = WeightsManifest.read(root.get("weightsManifest"), modelJson.toAbsolutePath().getParent());
        return new ModelArtifacts(definition, manifest.tensors(), Optional.empty(), Map.of(), root.get("weightsManifest").where());
    }
}
