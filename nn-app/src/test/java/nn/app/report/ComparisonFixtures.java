package nn.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nn.core.History;

/** Made-up runs for the comparison's reports: with chosen numbers (exact in binary), or shaped like real curves. */
final class ComparisonFixtures {

    private ComparisonFixtures() {
    }

    /** A run whose val_accuracy per epoch is {@code valAccuracy}, the losses falling as it rises, every epoch taking {@code seconds}. */
    static RunResult run(double testAccuracy, double seconds, List<Double> valAccuracy) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        values.put("loss", valAccuracy.stream().map(a -> 1.6 - 1.5 * a).toList());
        values.put("accuracy", valAccuracy.stream().map(a -> a + 0.01).toList());
        values.put("val_loss", valAccuracy.stream().map(a -> 1.7 - 1.5 * a).toList());
        values.put("val_accuracy", valAccuracy);
        List<Double> epochSeconds = valAccuracy.stream().map(a -> seconds).toList();
        return new RunResult(History.of(values, epochSeconds), Map.of("loss", 0.5, "accuracy", testAccuracy));
    }

    /** bn-before over seeds 1 and 2: mean val_accuracy 0.625, 0.875, 0.90625; best 0.90625; test 0.625; 1.5 s an epoch. */
    static ModelRuns bnBefore() {
        return new ModelRuns("bn-before", List.of(1L, 2L), List.of(run(0.5, 1, List.of(0.5, 0.875, 0.875)),
                run(0.75, 2, List.of(0.75, 0.875, 0.9375))));
    }

    /** no-bn over seeds 1 and 2: mean val_accuracy 0.375, 0.625, 0.625, never at 85%; best 0.75; test 0.375; 1 s an epoch. */
    static ModelRuns noBn() {
        return new ModelRuns("no-bn", List.of(1L, 2L), List.of(run(0.25, 1, List.of(0.25, 0.5, 0.75)),
                run(0.5, 1, List.of(0.5, 0.75, 0.5))));
    }

    /**
     * val_accuracy rises from {@code start} towards {@code plateau} at {@code speed}, each seed a
     * little offset; every epoch takes {@code seconds}.
     */
    static ModelRuns shaped(String model, int epochs, double start, double plateau, double speed, double seconds,
            long... seeds) {
        List<Long> seedList = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (long seed : seeds) {
            double offset = 0.004 * (seed - 2);
            List<Double> valAccuracy = IntStream.range(0, epochs)
                    .mapToObj(e -> plateau - (plateau - start) * Math.exp(-speed * e) + offset).toList();
            runs.add(run(valAccuracy.get(epochs - 1) - 0.01, seconds, valAccuracy));
            seedList.add(seed);
        }
        return new ModelRuns(model, seedList, runs);
    }
}
