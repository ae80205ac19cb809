package nn.app;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.Set;
import nn.app.model.ModelArchive;
import nn.app.report.TrainingCurves;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.Sequential;
import nn.core.TrainingListener;

/**
 * {@code nn train}: the tutorial's protocol. Trains on all training images with the first 5,000 as
 * validation data, then evaluates on the test set; writes run.json first, history.csv after every
 * epoch, and at the end model.zip and curves.png.
 */
final class Training {
    private final RunConfig config;
    private final Console console;
    private final ModelFactory models;
    private final Provider<FashionMnistData> data;
    private final OutputFolder out;
    private final Set<TrainingListener> listeners;

    @Inject
    Training(RunConfig config, Console console, ModelFactory models, Provider<FashionMnistData> data, OutputFolder out,
            Set<TrainingListener> listeners) {
        this.config = config;
        this.console = console;
        this.models = models;
        this.data = data;
        this.out = out;
        this.listeners = listeners;
    }

    void run() {
        Sequential model = models.buildAndCompile();
        if (config.verbose() > 0) {
            console.out().println("nn train " + config.toMap());
        }
        JsonFiles.write(out.file("run.json"), config.toMap());
        FashionMnistData fashion = data.get();
        History history = model.fit(fashion.train(), fashion.validation(),
                new FitConfig(config.epochs(), config.batchSize(), true, config.seed()),
                listeners.toArray(TrainingListener[]::new));
        ModelArchive.save(out.file("model.zip"), model, Map.of(ModelArchive.EPOCH, history.epochs(), "run", config.toMap()));
        TrainingCurves.write(history, out.file("curves.png"));
        Evaluation.report(console, model, fashion.test(), config.batchSize(), config.verbose());
        if (config.verbose() > 0) {
            console.out().println("wrote run.json, history.csv, model.zip and curves.png to " + out.path());
        }
    }
}
