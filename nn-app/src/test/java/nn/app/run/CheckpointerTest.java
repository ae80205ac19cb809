package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import nn.api.BuildContext;
import nn.io.LoadedModel;
import nn.io.ModelArchive;
import nn.core.Dense;
import nn.core.Flatten;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.core.SparseCategoricalCrossentropy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointerTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir
    Path run;

    private static Sequential model() {
        Sequential model = new Sequential(1).add(new Flatten(2)).add(new Dense(2, "softmax", true));
        model.compile(REGISTRY.optimizer("SGD", Map.of("learning_rate", 0.1)), new SparseCategoricalCrossentropy());
        return model;
    }

    private static LoadedModel load(Path file) {
        return ModelArchive.load(file, REGISTRY, BuildContext.seeded(0));
    }

    @Test
    void lastIsEveryEpochAndBestTheOneWithTheLowestValLoss() {
        Sequential model = model();
        Checkpointer checkpointer = new Checkpointer(TrainingStart.fresh(model), run, Map.of("seed", 1));
        checkpointer.onTrainBegin(3, 1, 4);
        float[] weightsOfEpoch2 = null;
        double[] valLosses = {3, 1, 2};
        for (int epoch = 1; epoch <= 3; epoch++) {
            model.weights().get(0).value().data[0] = epoch;
            checkpointer.onEpochBegin(epoch, 3);
            checkpointer.onEpochEnd(epoch, Map.of("loss", 1.0, "val_loss", valLosses[epoch - 1]), 0.5);
            if (epoch == 2) {
                weightsOfEpoch2 = model.weights().get(0).value().data.clone();
            }
        }
        LoadedModel last = load(run.resolve(Checkpointer.LAST));
        LoadedModel best = load(run.resolve(Checkpointer.BEST));
        assertEquals(3, last.epoch());
        assertEquals(2, best.epoch());
        assertArrayEquals(weightsOfEpoch2, best.model().weights().get(0).value().data);
        assertEquals(Map.of("seed", 1), last.state().get("run"));
        assertEquals(Map.of("monitor", "val_loss", "value", 1.0, "epoch", 2), last.state().get("best"));
    }
}
