package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.io.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java section: save the trained tutorial model, load it back, read its weights. */
class SaveAndLoadTest {
    @TempDir
    Path dir;

    @Test
    void theTutorialModelComesBackAsItWasSaved() {
        Sequential model = KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(42));
        LabeledData train = SyntheticImages.generate(200, 1);
        model.fit(train, FitConfig.epochs(1));

        for (String name : List.of("tutorial.zip", "tutorial-tfjs")) {
            model.save(dir.resolve(name));
            Sequential again = Models.load(dir.resolve(name));
            List<float[]> weights = again.getWeights();
            assertEquals(model.weights().size(), weights.size());
            for (int i = 0; i < weights.size(); i++) {
                assertArrayEquals(model.getWeights().get(i), weights.get(i), model.weights().get(i).path());
            }
            assertArrayEquals(model.predict(train.features(), 32).data, again.predict(train.features(), 32).data, name);
            assertEquals(model.optimizer().config(), again.optimizer().config(), name);
        }
        assertEquals(model.optimizer().iterations(), Models.load(dir.resolve("tutorial.zip")).optimizer().iterations());
    }

    @Test
    void setWeightsCopiesAnotherModelsWeights() {
        Sequential trained = KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(1));
        trained.fit(SyntheticImages.generate(100, 3), FitConfig.epochs(1));
        Sequential fresh = KerasBatchNormTutorial.bnBeforeActivation(2);
        fresh.setWeights(trained.getWeights());
        LabeledData x = SyntheticImages.generate(50, 4);
        assertArrayEquals(trained.predict(x.features(), 32).data, fresh.predict(x.features(), 32).data);
    }
}
