package nn.app.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * One model's line in {@code nn compare}'s table, each figure a mean over the seeds: final and best
 * val_accuracy, test accuracy, the first epoch at which the mean val_accuracy curve reaches each of
 * {@link #THRESHOLDS}, seconds per epoch, and how much longer an epoch takes than with the same network
 * without BatchNormalization ({@link #baselineOf}).
 */
public record ComparisonRow(String model, List<Long> seeds, double finalValAccuracy, double bestValAccuracy,
        double testAccuracy, List<OptionalInt> firstEpochReaching, double secondsPerEpoch, OptionalDouble overheadPercent) {

    /** What the models are compared on. */
    public static final String ACCURACY = "val_accuracy";
    /** The val_accuracy levels whose first epoch is reported. */
    public static final List<Double> THRESHOLDS = List.of(0.85, 0.88);
    /** The models without BatchNormalization whose epoch time the others are compared with. */
    public static final String BASELINE = "no-bn";
    private static final String CNN_PREFIX = "cnn-";

    public ComparisonRow {
        seeds = List.copyOf(seeds);
        firstEpochReaching = List.copyOf(firstEpochReaching);
    }

    /** A row per model, in order; the overhead is empty when the model's baseline is not among them. */
    public static List<ComparisonRow> of(List<ModelRuns> models) {
        return models.stream().map(m -> of(m, models.stream().filter(b -> b.model().equals(baselineOf(m.model())))
                .mapToDouble(ComparisonRow::secondsPerEpoch).findFirst())).toList();
    }

    /** The same network without BatchNormalization: {@code cnn-no-bn} for the CNN presets, {@code no-bn} otherwise. */
    public static String baselineOf(String model) {
        return model.startsWith(CNN_PREFIX) ? CNN_PREFIX + BASELINE : BASELINE;
    }

    private static ComparisonRow of(ModelRuns runs, OptionalDouble baselineSeconds) {
        List<Double> meanCurve = runs.band(ACCURACY).mean();
        double seconds = secondsPerEpoch(runs);
        return new ComparisonRow(runs.model(), runs.seeds(),
                meanCurve.get(meanCurve.size() - 1),
                runs.mean(run -> Collections.max(run.history().get(ACCURACY))),
                runs.mean(run -> run.testScores().get("accuracy")),
                THRESHOLDS.stream().map(level -> firstEpochReaching(meanCurve, level)).toList(),
                seconds,
                baselineSeconds.isPresent()
                        ? OptionalDouble.of((seconds / baselineSeconds.getAsDouble() - 1) * 100)
                        : OptionalDouble.empty());
    }

    /** Over every epoch of every seed. */
    private static double secondsPerEpoch(ModelRuns runs) {
        List<Double> all = new ArrayList<>();
        runs.runs().forEach(run -> all.addAll(run.history().epochSeconds()));
        return all.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Epochs count from 1. */
    static OptionalInt firstEpochReaching(List<Double> curve, double level) {
        return IntStream.range(0, curve.size()).filter(i -> curve.get(i) >= level).map(i -> i + 1).findFirst();
    }
}
