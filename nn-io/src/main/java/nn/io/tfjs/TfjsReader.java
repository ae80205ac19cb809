package nn.io.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nn.api.IoProblem;
import nn.api.NnException;
import nn.io.ModelArtifacts;
import nn.io.ModelDefinition;
import nn.io.json.JsonCursor;
import nn.io.json.JsonValues;
import nn.io.json.ModelJsonReader;

/**
 * Reads a layers-model's {@code model.json} and its weight files. The topology is what tfjs writes
 * (the first layer carries {@code batch_input_shape}), what tf.keras 2 writes (an {@code InputLayer}),
 * or the converter's wrapper {@code {"model_config": ..., "training_config": ...}}; the compile
 * settings come from {@code trainingConfig} when there are any.
 */
final class TfjsReader {
    /** model.json holds a topology and a manifest: a few MB at most even for large models. */
    static final long MAX_MODEL_JSON_BYTES = 64L << 20;

    private TfjsReader() {
    }

    static ModelArtifacts read(Path modelJson) {
        String source = modelJson.toString();
        JsonCursor root = JsonCursor.root(JsonValues.parse(text(modelJson), source), source).requireObject();
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

    private static String text(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_MODEL_JSON_BYTES) {
                throw new NnException(file + ": " + size + " bytes is too big for a model.json (at most "
                        + MAX_MODEL_JSON_BYTES + ")");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new NnException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new NnException(file + ": not a text file (not UTF-8)", e);
        } catch (IOException e) {
            throw new NnException(file + ": cannot read: " + IoProblem.describe(e), e);
        }
    }
}
