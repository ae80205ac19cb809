package nn.app.run;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import nn.app.Console;
import nn.app.OrderedFields;
import nn.app.parallel.DataParallelFit;
import nn.app.report.RunResult;
import nn.app.report.TrainingCurves;
import nn.app.wiring.FashionMnistData;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.Sequential;
import nn.core.TrainingListener;
import nn.io.ModelArchive;

/**
 * {@code nn train}: the tutorial's protocol. Trains on all training images with the first 5,000 as
 * validation data, then evaluates on the test set; writes run.json first, history.csv and the
 * checkpoints after every epoch, and at the end model.zip and curves.png. A resumed run starts from
 * its checkpoint's epoch, and its history.csv, model.zip and curves.png cover every epoch.
 * {@code nn compare} runs it once per model and seed.
 *
 * <p>The data are read and checked against the model before the run folder is claimed, so that a
 * run that cannot start leaves nothing behind.
 */
public final class Training {
    /** What a run writes into its folder; {@code --overwrite} removes these. */
    public static final List<String> OUTPUTS = List.of("run.json", "history.csv", "model.zip", "curves.png", "checkpoints");

    private final RunConfig config;
    private final Console console;
    private final TrainingStart start;
    private final Provider<FashionMnistData> data;
    private final Provider<RunFolder> folder;
    private final Provider<Set<TrainingListener>> listeners;

    @Inject
    Training(RunConfig config, Console console, TrainingStart start, Provider<FashionMnistData> data, Provider<RunFolder> folder,
            Provider<Set<TrainingListener>> listeners) {
        this.config = config;
        this.console = console;
        this.start = start;
        this.data = data;
        this.folder = folder;
        this.listeners = listeners;
    }

    /** Trains, writes the outputs and returns the history of every epoch with the test scores; releases the folder and the model's kernels. */
    public RunResult run() {
        try (Sequential model = start.model()) {
            FashionMnistData fashion = data.get();
            DataFit.check(config.model(), model, fashion.dataset());
            try (RunFolder out = folder.get()) {
                return run(model, fashion, out);
            }
        }
    }

    private RunResult run(Sequential model, FashionMnistData fashion, RunFolder out) {
        int done = start.progress().epoch();
        if (config.verbose() > 0) {
            console.out().println((done == 0 ? "nn train " : "nn train --resume " + out.path() + " after epoch " + done + ": ")
                    + config.toMap());
        }
        JsonFiles.write(out.file("run.json"), config.toMap());
        History history = start.progress().history();
        FitConfig fit = new FitConfig(config.epochs(), config.batchSize(), true, config.seed()).withInitialEpoch(done);
        TrainingListener[] ordered = checkpointsLast(listeners.get());
        history.addAll(config.dataParallel().isPresent()
                ? DataParallelFit.fit(model, fashion.train(), fashion.validation(), fit, config, console, ordered)
                : model.fit(fashion.train(), fashion.validation(), fit, ordered));
        ModelArchive.save(out.file("model.zip"), model, OrderedFields.of(ModelArchive.EPOCH, history.epochs(), "run", config.toMap()));
        TrainingCurves.write(history, out.file("curves.png"));
        Map<String, Double> test = Evaluation.report(console, model, fashion.test(), config.batchSize(), config.verbose());
        if (config.verbose() > 0) {
            console.out().println("wrote run.json, history.csv, model.zip and curves.png to " + out.path());
        }
        return new RunResult(history, test);
    }

    /**
     * Listeners run in order, and saving a checkpoint takes a while: saved last, it does not count
     * into the epoch time that the progress line reports (history.csv has the fit loop's own).
     */
    private static TrainingListener[] checkpointsLast(Set<TrainingListener> listeners) {
        return listeners.stream()
                .sorted(Comparator.comparing(listener -> listener instanceof Checkpointer))
                .toArray(TrainingListener[]::new);
    }
}
