package nn.app.commands;

import java.util.concurrent.Callable;
import nn.app.compare.Comparison;
import nn.app.compare.ComparisonPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn compare}: does batch normalization help? Trains several models alike and compares them. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train several models alike, each with each seed, and compare their accuracy and time per epoch.",
                "Each run is a 'nn train' run (the same data, batch size and seeds; each model's own optimizer) writing into"
                + " OUT/<model>-seed<k>/. Then compare.csv, compare.png and a table: final, best and test accuracy, the first"
                + " epochs reaching 85%% and 88%% val_accuracy, seconds per epoch and the overhead against no-bn."})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Option(names = "--models", defaultValue = "bn-before,bn-after,no-bn", paramLabel = "MODEL,...",
            description = "Presets (bn-before, bn-after, no-bn) or model files, comma-separated (default: ${DEFAULT-VALUE}).")
    private String models;

    @Option(names = "--seeds", defaultValue = "1,2,3", paramLabel = "N,...",
            description = "Seeds of the initial weights and the shuffles; every model trains once with each (default: ${DEFAULT-VALUE}).")
    private String seeds;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs of each run (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Mixin
    private TrainingOptions training;

    @Mixin
    private ManyRunsOptions runs;

    @Override
    public Integer call() {
        ComparisonPlan plan = ComparisonPlan.parse(models, seeds);
        // the settings every run shares; each run replaces the model, the seed and the folder
        new Comparison(plan, runs.runs(plan.models().get(0), plan.seeds().get(0), epochs, training.batchSize, training.data,
                training.out, training.limit, training.overwrite, parent.console())).run();
        return 0;
    }
}
