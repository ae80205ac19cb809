package nn.io.tfjs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;
import nn.io.AtomicFile;
import nn.io.CompileSpec;
import nn.io.ModelArtifacts;
import nn.io.SavedTensor;
import nn.io.json.JsonValues;
import nn.io.json.ModelJsonWriter;
import nn.io.tensors.TensorPack;

/**
 * Writes a layers-model folder as tfjs's own file handler does: {@code weights.bin} first, then
 * {@code model.json} with a tf.keras 2 topology (an {@code InputLayer} with {@code batch_input_shape},
 * which tfjs requires), weight names without {@code :0}, and the compile settings as
 * {@code trainingConfig} in Keras's words (tfjs reads the optimizer's class and learning rate from it
 * and ignores momentum, Nesterov and decay; nn reads them all back).
 */
final class TfjsWriter {
    static final String WEIGHTS_BIN = "weights.bin";
    static final String GENERATED_BY = "nn 0.1.0";

    private TfjsWriter() {
    }

    static void write(ModelArtifacts artifacts, Path folder) {
        TensorPack weights = new TensorPack();
        List<Object> specs = new ArrayList<>();
        for (SavedTensor t : artifacts.weights()) {
            weights.add(t.name(), t.shape(), t.values(), t.values().length);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", TfjsNames.withoutSuffix(t.name()));
            spec.put("shape", t.shape());
            spec.put("dtype", "float32");
            specs.add(spec);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("paths", List.of(WEIGHTS_BIN));
        group.put("weights", specs);

        Map<String, Object> topology = ModelJsonWriter.toMap(artifacts.definition().withoutCompile());
        Map<String, Object> modelJson = new LinkedHashMap<>();
        modelJson.put("modelTopology", topology);
        modelJson.put("format", "layers-model");
        modelJson.put("generatedBy", GENERATED_BY);
        modelJson.put("convertedBy", null);
        modelJson.put("weightsManifest", List.of(group));
        artifacts.definition().compile().ifPresent(c -> modelJson.put("trainingConfig", trainingConfig(c, folder)));

        AtomicFile.write(folder.resolve(WEIGHTS_BIN), weights::writeTo);
        byte[] json = JsonValues.write(modelJson).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(folder.resolve(TfjsFormat.MODEL_JSON), out -> out.write(json));
    }

    /** Keras's training config, with the loss as a name: tfjs reads no loss objects. */
    private static Map<String, Object> trainingConfig(CompileSpec compile, Path folder) {
        compile.lossConfig().forEach((key, value) -> {
            if (!(key.equals("from_logits") && Boolean.FALSE.equals(value)) && !key.equals("name") && !key.equals("reduction")) {
                throw new NnException(folder + ": cannot save as tfjs: the loss setting " + key + " = " + value
                        + " has no place in a tfjs trainingConfig, which names the loss only");
            }
        });
        Map<String, Object> training = ModelJsonWriter.trainingConfig(compile);
        training.put("loss", compile.loss());
        return training;
    }
}
