package nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresetsTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();

    static Sequential build(String preset) {
        ModelDefinition d = ModelFiles.preset(preset);
        Sequential model = d.build(REGISTRY, BuildContext.seeded(42));
        d.compile(model, REGISTRY);
        return model;
    }

    static List<String> layerTypes(Sequential model) {
        return model.layers().stream().map(l -> l.type()).toList();
    }

    @Test
    void bnBeforeIsTheTutorialsMainModel() {
        Sequential model = build("bn-before");
        String summary = model.summary();
        assertTrue(summary.contains("Total params: 318,610"), summary);
        assertTrue(summary.contains("Trainable params: 317,410"), summary);
        assertTrue(summary.contains("Non-trainable params: 1,200"), summary);
        assertEquals(List.of("Flatten", "Dense", "BatchNormalization", "Activation", "Dense", "BatchNormalization",
                "Activation", "Dense", "BatchNormalization", "Activation", "Dense"), layerTypes(model));
        assertEquals("batch_normalization", model.layer(2).name());
        assertEquals(List.of("batch_normalization/gamma:0", "batch_normalization/beta:0",
                "batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"),
                model.layer(2).weights().stream().map(Variable::path).toList());
        assertEquals(List.of("dense/kernel:0"), model.layer(1).weights().stream().map(Variable::path).toList());
        assertEquals(List.of("dense_3/kernel:0", "dense_3/bias:0"),
                model.layer(10).weights().stream().map(Variable::path).toList());
    }

    @Test
    void bnAfterPutsEachBatchNormalizationAfterItsRelu() {
        Sequential model = build("bn-after");
        assertEquals(List.of("Flatten", "Dense", "BatchNormalization", "Dense", "BatchNormalization", "Dense",
                "BatchNormalization", "Dense"), layerTypes(model));
        assertEquals("relu", model.layer(1).config().get("activation"));
        assertEquals(false, model.layer(1).config().get("use_bias"));
        assertTrue(model.summary().contains("Total params: 318,610"));
    }

    @Test
    void noBnHasBiasesAndNoBatchNormalization() {
        Sequential model = build("no-bn");
        assertEquals(List.of("Flatten", "Dense", "Dense", "Dense", "Dense"), layerTypes(model));
        String summary = model.summary();
        assertTrue(summary.contains("Total params: 316,810"), summary);
        assertTrue(summary.contains("Non-trainable params: 0"), summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bn-before", "bn-after", "no-bn", "cnn-bn", "cnn-no-bn"})
    void everyPresetHasTheTutorialsInputAndTrainingConfig(String preset) {
        ModelDefinition d = ModelFiles.preset(preset);
        assertEquals("preset " + preset, d.source());
        assertEquals(Optional.of(Shape.of(28, 28)), d.inputShape());
        assertEquals(CompileSpec.tutorial(), d.compileSpec());
        Sequential model = build(preset);
        assertEquals(Shape.of(10), model.outputShape());
        assertEquals("softmax", model.layer(model.layers().size() - 1).config().get("activation"));
        assertEquals(0.01, model.optimizer().config().get("learning_rate"));
        assertEquals(1e-6, model.optimizer().config().get("decay"));
        assertEquals(true, model.optimizer().config().get("nesterov"));
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        assertEquals("unknown preset 'bn-middle'; known presets: bn-before, bn-after, no-bn, cnn-bn, cnn-no-bn",
                assertThrows(NnException.class, () -> ModelFiles.preset("bn-middle")).getMessage());
    }

    @Test
    void resolveTakesAPresetNameOrAFilePath(@TempDir Path dir) throws Exception {
        assertEquals("preset no-bn", ModelFiles.resolve("no-bn").source());
        Path file = dir.resolve("mine.json");
        Files.writeString(file, ModelFilesReadTest.KERAS2);
        assertEquals(file.toString(), ModelFiles.resolve(file.toString()).source());
        String missing = dir.resolve("gone.json").toString();
        assertEquals(missing + ": no such model file, and not a preset; presets: bn-before, bn-after, no-bn, cnn-bn, cnn-no-bn",
                assertThrows(NnException.class, () -> ModelFiles.resolve(missing)).getMessage());
        assertEquals(dir + ": no such model file, and not a preset; presets: bn-before, bn-after, no-bn, cnn-bn, cnn-no-bn",
                assertThrows(NnException.class, () -> ModelFiles.resolve(dir.toString())).getMessage());
    }
}
