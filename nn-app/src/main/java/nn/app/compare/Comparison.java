package nn.app.compare;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.Metric;
import nn.api.NnException;
import nn.app.Console;
import nn.app.grid.NamedRun;
import nn.app.grid.Preflight;
import nn.app.grid.RunTrainer;
import nn.app.grid.ContinuedRuns;
import nn.app.grid.ManyRuns;
import nn.app.report.ComparisonChart;
import nn.app.report.ComparisonCsv;
import nn.app.report.ComparisonRow;
import nn.app.report.ComparisonTable;
import nn.app.report.ModelRuns;
import nn.app.report.RunResult;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.core.Sequential;

/**
 * {@code nn compare}: trains every model with every seed through the train command's flow
 * ({@link Training}), each run in its own folder, with the same plugins and data; then writes
 * compare.csv and compare.png and prints the table.
 */
public final class Comparison {
    private static final String CSV = "compare.csv";
    private static final String PNG = "compare.png";
    /** The folder of a model built only to be checked: it writes nothing. */
    private static final Path CHECK_ONLY = Path.of("unused");

    private final ComparisonPlan plan;
    private final ManyRuns runs;
    private final RunConfig settings;
    private final Console console;

    /** @param runs what every run shares (epochs, batch size, data, kernels, ...; --out is the comparison's folder) and where they train */
    public Comparison(ComparisonPlan plan, ManyRuns runs) {
        this.plan = plan;
        this.runs = runs;
        this.settings = runs.settings();
        this.console = runs.console();
    }

    public void run() {
        Module shared = Preflight.check(runs(CHECK_ONLY), settings, console, (run, built) -> requireAccuracy(run.config(), built));
        try (RunFolder out = runs.claimFolder(outputs()); RunTrainer trainer = runs.trainer(shared)) {
            report(group(ContinuedRuns.train(runs(out.path()), trainer, runs.resume(), shared, out, console)), out);
        }
    }

    /** compare.csv, compare.png and a folder a run. */
    private List<String> outputs() {
        List<String> outputs = new ArrayList<>(List.of(CSV, PNG));
        plan.seeds().forEach(seed -> plan.models().forEach(model -> outputs.add(ComparisonPlan.folder(model, seed))));
        return outputs;
    }

    /** Seed by seed, so that each seed's runs compare early and a slow-down of the machine spreads over every model. */
    private List<NamedRun> runs(Path folder) {
        List<NamedRun> runs = new ArrayList<>();
        for (long seed : plan.seeds()) {
            for (String model : plan.models()) {
                runs.add(new NamedRun(ComparisonPlan.name(model) + ", seed " + seed, runConfig(folder, model, seed)));
            }
        }
        return runs;
    }

    private List<ModelRuns> group(List<RunResult> trained) {
        Map<String, List<RunResult>> results = new LinkedHashMap<>();
        plan.models().forEach(model -> results.put(model, new ArrayList<>()));
        for (int i = 0; i < trained.size(); i++) {
            results.get(plan.models().get(i % plan.models().size())).add(trained.get(i));
        }
        return plan.models().stream()
                .map(model -> new ModelRuns(ComparisonPlan.name(model), plan.seeds(), results.get(model))).toList();
    }

    private void report(List<ModelRuns> models, RunFolder out) {
        List<ComparisonRow> rows = ComparisonRow.of(models);
        ComparisonCsv.write(rows, out.file(CSV));
        ComparisonChart.write(models, out.file(PNG));
        console.out().print(ComparisonTable.format(rows));
        console.out().println("wrote compare.csv and compare.png to " + out.path());
    }

    private RunConfig runConfig(Path folder, String model, long seed) {
        return settings.forRun(model, seed, folder.resolve(ComparisonPlan.folder(model, seed)));
    }

    /** The model logs the accuracy the comparison is about. */
    private static void requireAccuracy(RunConfig config, Sequential built) {
        if (built.metrics().stream().map(Metric::name).noneMatch("accuracy"::equals)) {
            throw new NnException(config.model() + ": nn compare compares accuracy, but the model does not log it;"
                    + " add \"accuracy\" to training_config.metrics");
        }
    }
}
