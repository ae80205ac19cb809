package nn.io.keras;

import static nn.io.FormatFixtures.assertSameModel;
import static nn.io.FormatFixtures.assertSameTraining;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import nn.core.Sequential;
import nn.io.FormatFixtures;
import nn.io.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KerasRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bn-before", "bn-after", "no-bn"})
    void aPresetComesBackWithItsWeightsCompileSettingsAndOptimizerState(String preset) {
        Sequential model = FormatFixtures.trainedPreset(preset);
        Path file = dir.resolve("model.keras");
        Models.save(model, file);

        Sequential back = FormatFixtures.load(file);
        assertSameModel(model, back);
        assertSameTraining(model, back);
    }

    @Test
    void everyBuiltInLayerTypeComesBack() {
        Sequential model = FormatFixtures.trainedAllLayers();
        Path file = dir.resolve("all.keras");
        Models.save(model, file);

        Sequential back = FormatFixtures.load(file);
        assertEquals(model.layers().stream().map(l -> l.type()).toList(), back.layers().stream().map(l -> l.type()).toList());
        assertSameModel(model, back);
        FormatFixtures.assertSameOptimizerState(model, back);
    }
}
