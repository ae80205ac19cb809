package nn.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.Metric;
import org.ejml.data.FMatrixRMaj;

/**
 * The training loop behind {@link Sequential#fit}: every epoch shuffles the sample order (seeded by
 * the seed and the epoch number only, so a resumed run shuffles as the uninterrupted one), trains
 * on each batch (one optimizer step of the model, or as a {@link BatchTraining} says), keeps
 * running means of the loss (weighted by batch size, as Keras does) and the metrics, then
 * evaluates the validation data.
 */
final class FitLoop {
    private final Sequential model;
    private final LabeledData train;
    private final LabeledData validation;
    private final FitConfig config;
    private final BatchTraining training;
    private final List<TrainingListener> listeners;

    FitLoop(Sequential model, LabeledData train, LabeledData validation, FitConfig config, BatchTraining training,
            List<TrainingListener> listeners) {
        this.model = model;
        this.train = train;
        this.validation = validation;
        this.config = config;
        this.training = training;
        this.listeners = listeners;
    }

    History run() {
        training.beginTraining();
        try {
            return trainEpochs();
        } finally {
            training.endTraining();
        }
    }

    private History trainEpochs() {
        Batches batches = new Batches(train, config.batchSize(), model.kernels(), new FMatrixRMaj(1, 1));
        List<Metric> metrics = model.metrics();
        List<String> names = new ArrayList<>();
        names.add("loss");
        metrics.forEach(m -> names.add(m.name()));
        Logs logs = new Logs(names);
        History history = new History();
        int steps = batches.count();
        listeners.forEach(l -> l.onTrainBegin(config.epochs(), steps, train.size()));
        for (int epoch = config.initialEpoch() + 1; epoch <= config.epochs() && !model.stopRequested(); epoch++) {
            long start = System.nanoTime();
            int e = epoch;
            listeners.forEach(l -> l.onEpochBegin(e, config.epochs()));
            if (config.shuffle()) {
                batches.shuffle(shuffleRandom(config.seed(), epoch));
            }
            training.beginEpoch(epoch, batches.order(), config.batchSize());
            metrics.forEach(Metric::reset);
            double lossSum = 0;
            int seen = 0;
            for (int step = 0; step < steps; step++) {
                int rows = batches.load(step);
                float loss = training.train(step, batches.features(), batches.targets());
                if (!Float.isFinite(loss)) {
                    throw new NonFiniteLossException(epoch, step + 1, loss, history);
                }
                lossSum += (double) loss * rows;
                seen += rows;
                logs.set(0, lossSum / seen);
                for (int m = 0; m < metrics.size(); m++) {
                    metrics.get(m).update(training.output(), batches.targets());
                    logs.set(m + 1, metrics.get(m).result());
                }
                for (int l = 0; l < listeners.size(); l++) {
                    listeners.get(l).onBatchEnd(epoch, step + 1, steps, logs);
                }
            }
            Map<String, Double> epochLogs = new LinkedHashMap<>(logs.asMap());
            if (validation != null) {
                model.evaluate(validation, config.batchSize()).forEach((k, v) -> epochLogs.put("val_" + k, v));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            history.add(epochLogs, seconds);
            listeners.forEach(l -> l.onEpochEnd(e, epochLogs, seconds));
        }
        listeners.forEach(l -> l.onTrainEnd(history));
        return history;
    }

    /**
     * The generator of one epoch's shuffle, from the seed and the epoch only. Mixed with SplitMix64's
     * finalizer: SplittableRandom seeded {@code s} and {@code s + k * 0x9E3779B97F4A7C15L} (its gamma)
     * give the same stream shifted by k draws, so plain arithmetic on the seed could shuffle each
     * epoch almost like the one before.
     */
    static SplittableRandom shuffleRandom(long seed, int epoch) {
        return new SplittableRandom(mix(mix(seed) + epoch));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
