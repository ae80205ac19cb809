package nn.app;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.Metric;
import nn.api.NnException;
import nn.app.plugins.Plugins;
import nn.app.report.ComparisonChart;
import nn.app.report.ComparisonCsv;
import nn.app.report.ComparisonRow;
import nn.app.report.ComparisonTable;
import nn.app.report.ModelRuns;
import nn.app.report.RunResult;
import nn.core.PluginRegistry;

/**
 * {@code nn compare}: trains every model with every seed through the train command's flow
 * ({@link Training}), each run in its own folder, with the same plugins and data; then writes
 * compare.csv and compare.png and prints the table.
 */
final class Comparison {
    private final ComparisonPlan plan;
    private final RunConfig settings;
    private final Console console;

    /** @param settings what every run shares: epochs, batch size, data, kernels, ...; --out is the comparison's folder */
    Comparison(ComparisonPlan plan, RunConfig settings, Console console) {
        this.plan = plan;
        this.settings = settings;
        this.console = console;
    }

    void run() {
        Path folder = OutputFolder.where(settings.outDir());
        Plugins plugins = AppModule.plugins(settings.pluginsDir(), console);
        PluginRegistry registry = plugins.registry();
        plan.models().forEach(model -> check(runConfig(folder, model, plan.seeds().get(0)), registry));
        FashionMnistData data = new FashionMnistData(settings, registry);
        Module shared = binder -> {
            binder.bind(Plugins.class).toInstance(plugins);
            binder.bind(PluginRegistry.class).toInstance(registry);
            binder.bind(FashionMnistData.class).toInstance(data);
        };
        OutputFolder out = OutputFolder.create(Optional.of(folder));
        report(trainAll(folder, shared), out);
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

    private void report(List<ModelRuns> models, OutputFolder out) {
        List<ComparisonRow> rows = ComparisonRow.of(models);
        ComparisonCsv.write(rows, out.file("compare.csv"));
        ComparisonChart.write(models, out.file("compare.png"));
        console.out().print(ComparisonTable.format(rows));
        console.out().println("wrote compare.csv and compare.png to " + out.path());
    }

    private RunConfig runConfig(Path folder, String model, long seed) {
        return settings.forRun(model, seed, folder.resolve(ComparisonPlan.folder(model, seed)));
    }

    /** Before any training: the model builds and compiles, and logs the accuracy the comparison is about. */
    private static void check(RunConfig config, PluginRegistry registry) {
        boolean accuracy = new ModelFactory(config, registry).buildAndCompile().metrics().stream()
                .map(Metric::name).anyMatch("accuracy"::equals);
        if (!accuracy) {
            throw new NnException(config.model() + ": nn compare compares accuracy, but the model does not log it;"
                    + " add \"accuracy\" to training_config.metrics");
        }
    }

    private RunResult train(RunConfig config, Module shared) {
        try {
            return AppModule.injector(config, console, shared).getInstance(Training.class).run();
        } catch (NnException e) {
            throw new NnException(ComparisonPlan.name(config.model()) + ", seed " + config.seed() + ": " + e.getMessage(), e);
        }
    }
}
