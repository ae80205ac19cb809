package nn.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.core.TrainingListener;

/**
 * Rewrites history.csv (atomically) after every epoch, so a run that is killed keeps the epochs it
 * finished. Each training run starts the file afresh.
 */
public final class HistoryCsvLogger implements TrainingListener {
    private final Path file;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Double> seconds = new ArrayList<>();
    private long epochStart;

    public HistoryCsvLogger(Path file) {
        this.file = file;
    }

    @Override
    public void onTrainBegin(int epochs, int stepsPerEpoch, int samples) {
        values.clear();
        seconds.clear();
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        seconds.add((System.nanoTime() - epochStart) / 1e9);
        HistoryCsv.write(values, seconds, file);
    }
}
