package nn.app.report;

import java.util.Map;
import nn.core.Accuracy;
import nn.core.Dense;
import nn.core.FitConfig;
import nn.core.Flatten;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.core.SparseCategoricalCrossentropy;
import nn.core.TrainingListener;
import org.ejml.data.FMatrixRMaj;

/** A real, tiny training run, for a real {@link History} (its constructor is not public). */
final class TinyTraining {

    private TinyTraining() {
    }

    static History fit(int epochs, boolean withValidation, TrainingListener... listeners) {
        Sequential model = new Sequential(1).add(new Flatten(2)).add(new Dense(2, "softmax", true));
        model.compile(PluginRegistry.discover().optimizer("SGD", Map.of("learning_rate", 0.1)),
                new SparseCategoricalCrossentropy(), new Accuracy());
        LabeledData data = new LabeledData(
                new FMatrixRMaj(new float[][] {{1, 0}, {0, 1}, {2, 0}, {0, 2}}),
                new FMatrixRMaj(new float[][] {{0}, {1}, {0}, {1}}));
        FitConfig config = new FitConfig(epochs, 2, true, 0);
        return withValidation ? model.fit(data, data.rows(0, 2), config, listeners) : model.fit(data, config, listeners);
    }
}
