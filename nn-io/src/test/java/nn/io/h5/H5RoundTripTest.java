package nn.io.h5;

import static nn.io.FormatFixtures.assertSameModel;
import static nn.io.FormatFixtures.assertSameTraining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nn.core.Sequential;
import nn.io.FormatFixtures;
import nn.io.ModelArtifacts;
import nn.io.ModelFiles;
import nn.io.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class H5RoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bn-before", "bn-after", "no-bn"})
    void aPresetComesBackWithItsWeightsCompileSettingsAndOptimizerState(String preset) {
        Sequential model = FormatFixtures.trainedPreset(preset);
        Path file = dir.resolve("model.h5");
        Models.save(model, file);

        Sequential back = FormatFixtures.load(file);
        assertSameModel(model, back);
        assertSameTraining(model, back);
    }

    @Test
    void everyBuiltInLayerTypeComesBack() {
        Sequential model = FormatFixtures.trainedAllLayers();
        Path file = dir.resolve("all.hdf5");
        Models.save(model, file);

        Sequential back = FormatFixtures.load(file);
        assertEquals(model.layers().stream().map(l -> l.type()).toList(), back.layers().stream().map(l -> l.type()).toList());
        assertSameModel(model, back);
        FormatFixtures.assertSameOptimizerState(model, back);
    }

    @Test
    void theFileIsFoundByContentAndReadsBackTheSameDefinition() {
        Sequential model = FormatFixtures.trainedPreset("bn-before");
        Path file = dir.resolve("model.h5");
        Models.save(model, file);
        Path renamed = dir.resolve("model.bin");
        assertTrue(file.toFile().renameTo(renamed.toFile()));

        ModelArtifacts artifacts = Models.read(renamed);
        assertEquals(ModelFiles.toJson(ModelArtifacts.of(model, null, java.util.Map.of()).definition()),
                ModelFiles.toJson(artifacts.definition()));
        assertEquals("dense/kernel:0", artifacts.weights().get(0).name());
        assertEquals("dense", artifacts.weights().get(0).layer());
        assertEquals(java.util.List.of(784, 300), artifacts.weights().get(0).shape());
        assertEquals(3, artifacts.optimizer().orElseThrow().iterations());
    }
}
