package nn.app.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nn.app.BadOption;
import nn.app.bench.Benchmark;
import nn.core.KernelChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn bench}: the end-to-end figures a user cares about, for BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the tutorial model: seconds per training epoch for each batch size and thread count,"
                + " inference samples/s, time from launch to the first batch, peak heap and RSS."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Option(names = "--model", defaultValue = "bn-before", description = "Preset or model file (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--batch-sizes", defaultValue = "32,256", paramLabel = "N,...", description = "Default: ${DEFAULT-VALUE}.")
    private String batchSizes;

    @Option(names = "--thread-counts", defaultValue = "1,all", paramLabel = "N|all,...",
            description = "The most threads each setting trains on (fit uses fewer while they are faster). Default: ${DEFAULT-VALUE}.")
    private String threadCounts;

    @Option(names = "--epochs", defaultValue = "2", description = "Timed epochs of each setting, after one warm-up epoch (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--kernels", defaultValue = KernelChoice.AUTO, paramLabel = "auto|ejml|vector", description = "Default: ${DEFAULT-VALUE}.")
    private String kernels;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four Fashion-MNIST files.")
    private Path data;

    @Option(names = "--limit", paramLabel = "N", description = "Time epochs of the first N training images only.")
    private Integer limit;

    @Option(names = "--growth", description = "Time how an epoch's cost grows instead, one factor at a time from width x1,"
            + " batch 32, all images: hidden widths x1, x2, x4; batches 32, 128, 512; 15,000, 30,000 and all images"
            + " (--batch-sizes and --limit are then not used; no inference).")
    private boolean growth;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the figures to this JSON file.")
    private Path out;

    @Override
    public Integer call() {
        if (epochs <= 0) {
            throw new BadOption("--epochs", "must be a positive number, got " + epochs);
        }
        if (growth) {
            new Benchmark(model, kernels, data, null, epochs, parent.console()).run(Benchmark.growth(threads()), out, false);
            return 0;
        }
        List<Benchmark.Setting> settings = new ArrayList<>();
        for (int batch : numbers("--batch-sizes", batchSizes)) {
            for (int threads : threads()) {
                settings.add(new Benchmark.Setting(batch, threads));
            }
        }
        new Benchmark(model, kernels, data, limit, epochs, parent.console()).run(settings, out);
        return 0;
    }

    private List<Integer> threads() {
        List<Integer> counts = new ArrayList<>();
        for (String part : threadCounts.split(",")) {
            counts.add(part.trim().equals("all") ? Runtime.getRuntime().availableProcessors()
                    : numbers("--thread-counts", part).get(0));
        }
        return counts.stream().distinct().toList();
    }

    private static List<Integer> numbers(String option, String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : list.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n <= 0) {
                    throw new NumberFormatException();
                }
                numbers.add(n);
            } catch (NumberFormatException e) {
                throw new BadOption(option, "must list positive numbers, got \"" + part.trim() + "\"");
            }
        }
        return numbers;
    }
}
