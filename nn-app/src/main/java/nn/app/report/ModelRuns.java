package nn.app.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import nn.api.NnException;

/** One model's runs in a comparison: its name and, for each seed, what the run ended with. */
public record ModelRuns(String model, List<Long> seeds, List<RunResult> runs) {

    public ModelRuns {
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
        if (runs.isEmpty() || seeds.size() != runs.size()) {
            throw new NnException(model + ": " + runs.size() + " runs for " + seeds.size() + " seeds");
        }
    }

    /** A logged value per epoch ({@code val_accuracy}, {@code loss}, ...) over the seeds. */
    public SeedBand band(String name) {
        return SeedBand.of(runs.stream().map(run -> run.history().get(name)).toList());
    }

    /** The mean over the seeds of one number per run. */
    public double mean(ToDoubleFunction<RunResult> perRun) {
        return runs.stream().mapToDouble(perRun).average().orElseThrow();
    }
}
