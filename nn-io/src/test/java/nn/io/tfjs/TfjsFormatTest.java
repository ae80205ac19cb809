package nn.io.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.core.Sequential;
import nn.io.CompileSpec;
import nn.io.FormatFixtures;
import nn.io.LoadedModel;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.Models;
import nn.io.json.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsFormatTest {
    @TempDir
    Path dir;

    static LoadedModel load(Path path) {
        return Models.load(path, FormatFixtures.REGISTRY, BuildContext.seeded(1));
    }

    @Test
    void writesWhatTfjsReads() throws Exception {
        Sequential model = FormatFixtures.trainedPreset("bn-before");
        Models.save(model, dir.resolve("out/model.json"));
        String json = Files.readString(dir.resolve("out/model.json"));
        assertTrue(json.contains("\"format\" : \"layers-model\""), json);
        assertTrue(json.contains("\"class_name\" : \"InputLayer\""), "tfjs needs an InputLayer with batch_input_shape");
        assertTrue(json.contains("\"name\" : \"batch_normalization/moving_variance\""), "names without :0");
        assertTrue(json.contains("\"paths\" : [ \"weights.bin\" ]"), json);
        assertEquals(4L * 318_610, Files.size(dir.resolve("out/weights.bin")));
        FormatFixtures.assertSameModel(model, load(dir.resolve("out/model.json")).model());
    }

    /** Written by tfjs 4.22.0 itself (nn-io/src/test/node/train_and_save.js); see the README beside it. */
    @Test
    void importsWhatTfjsWrites() throws Exception {
        Path folder = Path.of(getClass().getResource("tfjs-4.22-bn-mlp/model.json").toURI()).getParent();
        LoadedModel loaded = load(folder);
        Sequential model = loaded.model();
        assertEquals(List.of("dense_Dense1", "batch_normalization_BatchNormalization1", "activation_Activation1",
                "dense_Dense2", "batch_normalization_BatchNormalization2", "dense_Dense3"),
                model.layers().stream().map(l -> l.name()).toList());
        assertEquals("SGD", loaded.definition().compileSpec().optimizer());
        assertEquals(Map.of("learning_rate", 0.05), loaded.definition().compileSpec().optimizerConfig());
        assertEquals("categorical_crossentropy", loaded.definition().compileSpec().loss());
        TfjsPredictions.assertMatches(folder, model, 1e-5f);
    }

    /** tensorflowjs_converter wraps a Keras saved model's JSON: {"model_config": ..., "training_config": ...}. */
    @Test
    void importsTheConvertersWrapper() throws Exception {
        Sequential model = FormatFixtures.trainedAllLayers();
        Path folder = dir.resolve("converted");
        model.save(folder);
        Path modelJson = folder.resolve("model.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonValues.toJava(JsonValues.parse(Files.readString(modelJson), "model.json"));
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("keras_version", "2.13.1");
        wrapper.put("backend", "tensorflow");
        wrapper.put("model_config", json.remove("modelTopology"));
        wrapper.put("training_config", json.remove("trainingConfig"));
        json.put("modelTopology", wrapper);
        json.put("convertedBy", "TensorFlow.js Converter v4.22.0");
        Files.writeString(modelJson, JsonValues.write(json));

        LoadedModel loaded = load(folder);
        FormatFixtures.assertSameModel(model, loaded.model());
        assertEquals(CompileSpec.of(model).optimizerConfig(), loaded.definition().compileSpec().optimizerConfig());
    }

    /** tfjs names a loss, nothing more: a loss setting it cannot hold is refused, naming it and the format. */
    @Test
    void aLossSettingTfjsCannotHoldIsRefused() {
        ModelDefinition logits = ModelFiles.parse(FormatFixtures.ALL_LAYERS.replace("\"activation\": \"softmax\"", "\"activation\": \"linear\"")
                .replace("\"loss\": \"sparse_categorical_crossentropy\"", "\"loss\": {\"class_name\": \"sparse_categorical_crossentropy\","
                        + " \"config\": {\"from_logits\": true}}"), "logits");
        Sequential model = logits.build(FormatFixtures.REGISTRY, BuildContext.seeded(1));
        logits.compile(model, FormatFixtures.REGISTRY);
        Path folder = dir.resolve("logits");
        assertEquals(folder + ": cannot save as tfjs: the loss setting from_logits = true has no place in a tfjs"
                + " trainingConfig, which names the loss only",
                assertThrows(NnException.class, () -> model.save(folder)).getMessage());
    }

    @Test
    void badFoldersNameTheFileAndTheProblem() throws Exception {
        Sequential model = FormatFixtures.trainedAllLayers();
        Path good = dir.resolve("good");
        model.save(good);

        Path truncated = copy(good, "truncated");
        byte[] bin = Files.readAllBytes(truncated.resolve("weights.bin"));
        Files.write(truncated.resolve("weights.bin"), Arrays.copyOf(bin, bin.length - 4));
        assertEquals(truncated.resolve("model.json") + ": weightsManifest[0].paths: the weight files hold " + (bin.length - 4)
                + " bytes, but the weights listed need " + bin.length + " (4 bytes a float32 value)", error(truncated));

        Path escape = copy(good, "escape");
        edit(escape, s -> s.replace("\"weights.bin\"", "\"../good/weights.bin\""));
        assertTrue(error(escape).endsWith("'../good/weights.bin' is outside the model's folder"), error(escape));

        Path missing = copy(good, "missing");
        Files.delete(missing.resolve("weights.bin"));
        assertTrue(error(missing).startsWith(missing.resolve("weights.bin") + ": missing or unreadable weight file"),
                error(missing));

        Path int8 = copy(good, "int8");
        edit(int8, s -> s.replaceFirst("\"dtype\" : \"float32\"(\\s*})", "\"dtype\" : \"int8\"$1"));
        assertTrue(error(int8).contains("is int8; nn reads float32 weights"), error(int8));

        Path graph = copy(good, "graph");
        edit(graph, s -> s.replace("\"layers-model\"", "\"graph-model\""));
        assertTrue(error(graph).contains("format: is \"graph-model\"; nn reads layers-models"), error(graph));

        Path nan = copy(good, "nan");
        byte[] nanBin = Files.readAllBytes(nan.resolve("weights.bin"));
        nanBin[0] = 0; nanBin[1] = 0; nanBin[2] = (byte) 0xC0; nanBin[3] = 0x7F;
        Files.write(nan.resolve("weights.bin"), nanBin);
        assertEquals(nan.resolve("model.json") + ": weightsManifest[0].weights[0]: 'dense/kernel:0' holds NaN at index 0;"
                + " a model's values must be finite", error(nan));

        Path huge = copy(good, "huge");
        edit(huge, s -> s.replaceFirst("\"shape\" : \\[ 20, 8 \\]", "\"shape\" : [ 2000000000, 2000000000, 2000000000 ]"));
        assertTrue(error(huge).contains("has more values than any weight file could hold"), error(huge));
        assertFalse(error(huge).contains("Exception"));
    }

    private Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve(name));
        for (String file : List.of("model.json", "weights.bin")) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
        return to;
    }

    private static void edit(Path folder, UnaryOperator<String> change) throws Exception {
        Path json = folder.resolve("model.json");
        Files.writeString(json, change.apply(Files.readString(json)));
    }

    private static String error(Path folder) {
        return assertThrows(NnException.class, () -> load(folder)).getMessage();
    }
}
