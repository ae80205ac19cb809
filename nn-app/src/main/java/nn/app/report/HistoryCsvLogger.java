package nn.app.report;

import java.nio.file.Path;
import java.util.Map;
import nn.core.History;
import nn.core.TrainingListener;

/**
 * Rewrites history.csv (atomically) after every epoch, so a run that is killed keeps the epochs it
 * finished. Each training run starts the file afresh, from the history it continues if any (a
 * resumed run's saved epochs, whose rows stay).
 */
public final class HistoryCsvLogger implements TrainingListener {
    private final Path file;
    private final History previous;
    private History history;

    public HistoryCsvLogger(Path file) {
        this(file, new History());
    }

    /** @param previous the epochs before the first one trained, e.g. a checkpoint's */
    public HistoryCsvLogger(Path file, History previous) {
        this.file = file;
        this.previous = previous.copy();
    }

    @Override
    public void onTrainBegin(int epochs, int stepsPerEpoch, int samples) {
        history = previous.copy();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, double seconds) {
        history.add(logs, seconds);
        HistoryCsv.write(history, file);
    }
}
