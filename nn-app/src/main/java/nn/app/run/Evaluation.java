package nn.app.run;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Map;
import nn.app.Console;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.LabeledData;
import nn.core.ProgressBar;
import nn.core.Sequential;

/** {@code nn evaluate}: the test-set loss and metrics of a saved model, in the Keras format. */
public final class Evaluation {
    private final RunConfig config;
    private final Console console;
    private final ModelFactory models;
    private final Provider<FashionMnistData> data;

    @Inject
    Evaluation(RunConfig config, Console console, ModelFactory models, Provider<FashionMnistData> data) {
        this.config = config;
        this.console = console;
        this.models = models;
        this.data = data;
    }

    public void run(Path modelFile) {
        try (Sequential model = models.load(modelFile).model()) {
            report(console, model, data.get().test(), config.batchSize(), 1);
        }
    }

    /** {@code 313/313 [==============================] - 1s 2ms/step - loss: 0.3400 - accuracy: 0.8800}; returns the scores. */
    static Map<String, Double> report(Console console, Sequential model, LabeledData test, int batchSize, int verbose) {
        long start = System.nanoTime();
        Map<String, Double> results = model.evaluate(test, batchSize);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (verbose > 0) {
            int steps = (test.size() + batchSize - 1) / batchSize;
            console.out().println(ProgressBar.finishedLine(steps, seconds, results));
        }
        return results;
    }
}
