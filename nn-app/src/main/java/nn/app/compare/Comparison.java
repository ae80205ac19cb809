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
import nn.app.plugins.Plugins;
import nn.app.report.ComparisonChart;
import nn.app.report.ComparisonCsv;
import nn.app.report.ComparisonRow;
import nn.app.report.ComparisonTable;
import nn.app.report.ModelRuns;
import nn.app.report.RunResult;
import nn.app.run.DataFit;
import nn.app.run.RunConfig;
import nn.app.run.RunFolder;
import nn.app.run.Training;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.PluginRegistry;
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
    private final RunConfig settings;
    private final boolean overwrite;
    private final Console console;

    /**
     * @param settings  what every run shares: epochs, batch size, data, kernels, ...; --out is the comparison's folder
     * @param overwrite whether a non-empty --out may be reused
     */
    public Comparison(ComparisonPlan plan, RunConfig settings, boolean overwrite, Console console) {
        this.plan = plan;
        this.settings = settings;
        this.overwrite = overwrite;
        this.console = console;
    }

    public void run() {
        Plugins plugins = AppModule.plugins(settings.pluginsDir(), console);
        PluginRegistry registry = plugins.registry();
        Map<String, Sequential> models = new LinkedHashMap<>();
        plan.models().forEach(model -> models.put(model, check(settings.forRun(model, plan.seeds().get(0), CHECK_ONLY), registry)));
        FashionMnistData data = new FashionMnistData(settings, registry);
        try {
            models.forEach((model, built) -> DataFit.check(model, built, data.dataset()));
        } finally {
            models.values().forEach(Sequential::close);
        }
        Module shared = binder -> {
            binder.bind(Plugins.class).toInstance(plugins);
            binder.bind(PluginRegistry.class).toInstance(registry);
            binder.bind(FashionMnistData.class).toInstance(data);
        };
        try (RunFolder out = RunFolder.claimNew(settings.outDir(), overwrite, outputs())) {
            report(trainAll(out.path(), shared), out);
        }
    }

    /** compare.csv, compare.png and a folder a run. */
    private List<String> outputs() {
        List<String> outputs = new ArrayList<>(List.of(CSV, PNG));
        plan.seeds().forEach(seed -> plan.models().forEach(model -> outputs.add(ComparisonPlan.folder(model, seed))));
        return outputs;
    }

    /** @param shared the plugins and data every run uses, loaded once */
    private List<ModelRuns> trainAll(Path folder, Module shared) {
        Map<String, List<RunResult>> results = new LinkedHashMap<>();
        plan.models().forEach(model -> results.put(model, new ArrayList<>()));
        int done = 0;
        // seed by seed, so that each seed's runs compare early and a slow-down of the machine spreads over every model
        for (long seed : plan.seeds()) {
            for (String model : plan.models()) {
                console.out().println("== " + ComparisonPlan.name(model) + ", seed " + seed + " (" + ++done + "/"
                        + plan.runs() + ") ==");
                results.get(model).add(train(runConfig(folder, model, seed), shared));
            }
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

    /** Before any training: the model builds and compiles, and logs the accuracy the comparison is about. */
    private static Sequential check(RunConfig config, PluginRegistry registry) {
        Sequential built = new ModelFactory(config, registry).buildAndCompile();
        if (built.metrics().stream().map(Metric::name).noneMatch("accuracy"::equals)) {
            throw new NnException(config.model() + ": nn compare compares accuracy, but the model does not log it;"
                    + " add \"accuracy\" to training_config.metrics");
        }
        return built;
    }

    private RunResult train(RunConfig config, Module shared) {
        try {
            return AppModule.injector(config, console, shared).getInstance(Training.class).run();
        } catch (NnException e) {
            throw new NnException(ComparisonPlan.name(config.model()) + ", seed " + config.seed() + ": " + e.getMessage(), e);
        }
    }
}
