package nn.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nn.app.Console;
import nn.app.OrderedFields;
import nn.app.commands.ModelOptions;
import nn.app.run.JsonFiles;
import nn.app.run.RunConfig;
import nn.app.wiring.AppModule;
import nn.app.wiring.FashionMnistData;
import nn.app.wiring.ModelFactory;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Logs;
import nn.core.Sequential;
import nn.core.TrainingListener;

/**
 * Times the tutorial's training and inference end to end, as {@code nn bench} reports them: for each
 * setting one warm-up epoch, then the mean seconds of the timed epochs (training only, no
 * validation pass, as PyTorch's script times them); then inference for each thread count, with the
 * model last trained on that many threads.
 */
public final class Benchmark {
    private static final int INFERENCE_BATCH = 1000;
    private static final int INFERENCE_REPEATS = 7;
    /**
     * Untimed inference passes first, as the epochs have their warm-up: C2 compiles the inference
     * path for a second or two (measured: samples/s still rising after 12 passes of 10,000).
     */
    private static final int INFERENCE_WARM_UP_PASSES = 40;
    private static final long INFERENCE_WARM_UP_NANOS = 3_000_000_000L;

    /**
     * One batch size and thread count to time, on the model with its hidden Dense layers
     * {@code widthScale} times as wide, on the first {@code images} training images (0: all).
     */
    public record Setting(int batchSize, int threads, int widthScale, int images) {
        public Setting(int batchSize, int threads) {
            this(batchSize, threads, 1, 0);
        }
    }

    /**
     * How an epoch's cost grows (issue 14), one factor at a time from the tutorial's setting (width
     * x1, batch 32, 60,000 images): widths x1, x2, x4; batches 32, 128, 512; 15k, 30k, 60k images.
     */
    public static List<Setting> growth(List<Integer> threadCounts) {
        List<Setting> settings = new ArrayList<>();
        for (int threads : threadCounts) {
            for (int width : new int[] {1, 2, 4}) {
                settings.add(new Setting(32, threads, width, 0));
            }
            for (int batch : new int[] {128, 512}) {
                settings.add(new Setting(batch, threads, 1, 0));
            }
            for (int images : new int[] {15_000, 30_000}) {
                settings.add(new Setting(32, threads, 1, images));
            }
        }
        return settings;
    }

    private final String model;
    private final String kernels;
    private final Path data;
    private final Integer limit;
    private final int epochs;
    private final Console console;

    public Benchmark(String model, String kernels, Path data, Integer limit, int epochs, Console console) {
        this.model = model;
        this.kernels = kernels;
        this.data = data;
        this.limit = limit;
        this.epochs = epochs;
        this.console = console;
    }

    /** Times each setting; then, unless {@code inferenceToo} is false, inference for each thread count. */
    public void run(List<Setting> settings, Path out) {
        run(settings, out, true);
    }

    public void run(List<Setting> settings, Path out, boolean inferenceToo) {
        RunConfig base = config(settings.get(0));
        FashionMnistData fashion = AppModule.injector(base, console).getInstance(FashionMnistData.class);
        LabeledData allTrain = fashion.train();
        console.out().printf(Locale.ROOT, "nn bench: model %s, kernels %s, %d training images, %d timed epoch(s) after a warm-up%n",
                model, kernels, allTrain.size(), epochs);
        console.out().printf("%-6s %-8s %-10s %-12s %-6s %-8s%n", "batch", "threads", "s/epoch", "samples/s", "width", "images");
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Optional<Duration> launchToFirstBatch = Optional.empty();
        Map<Integer, Sequential> lastNetByThreads = new LinkedHashMap<>();
        for (Setting setting : settings) {
            RunConfig config = config(setting);
            LabeledData train = setting.images() > 0 && setting.images() < allTrain.size()
                    ? allTrain.rows(0, setting.images()) : allTrain;
            Sequential net = AppModule.injector(config, console).getInstance(ModelFactory.class)
                    .buildAndCompile(setting.widthScale());
            FirstBatch first = new FirstBatch();
            net.fit(train, new FitConfig(1, setting.batchSize(), true, config.seed()), first);
            launchToFirstBatch = launchToFirstBatch.or(first::sinceLaunch);
            long start = System.nanoTime();
            net.fit(train, new FitConfig(1 + epochs, setting.batchSize(), true, config.seed()).withInitialEpoch(1));
            double seconds = (System.nanoTime() - start) / 1e9 / epochs;
            console.out().printf(Locale.ROOT, "%-6d %-8d %-10.3f %,-12.0f x%-5d %-8d%n", setting.batchSize(), setting.threads(),
                    seconds, train.size() / seconds, setting.widthScale(), train.size());
            rows.add(OrderedFields.of("batch_size", setting.batchSize(), "threads", setting.threads(), "seconds_per_epoch", seconds,
                    "width_scale", setting.widthScale(), "training_images", train.size()));
            Sequential replaced = lastNetByThreads.put(setting.threads(), net);
            if (replaced != null) {
                replaced.close();
            }
        }
        List<Map<String, Object>> inference = new ArrayList<>();
        lastNetByThreads.forEach((threads, net) -> {
            if (!inferenceToo) {
                net.close();
                return;
            }
            double rate = inferenceSamplesPerSecond(net, fashion.test());
            console.out().printf(Locale.ROOT, "inference, %d thread%s: %,.0f samples/s (%d test images, batch %d, median of %d after %d warm-up passes)%n",
                    threads, threads == 1 ? "" : "s", rate, fashion.test().size(), INFERENCE_BATCH, INFERENCE_REPEATS,
                    INFERENCE_WARM_UP_PASSES);
            inference.add(OrderedFields.of("threads", threads, "samples_per_second", rate));
            net.close();
        });
        launchToFirstBatch.ifPresent(d -> console.out().printf(Locale.ROOT, "launch to first batch: %.2f s%n", d.toMillis() / 1e3));
        long heap = peakHeapBytes();
        long rss = peakRssBytes();
        console.out().printf(Locale.ROOT, "peak heap: %d MB, peak RSS: %s%n", heap >> 20, rss > 0 ? (rss >> 20) + " MB" : "unknown");
        figures.put("model", model);
        figures.put("kernels", kernels);
        figures.put("training_images", allTrain.size());
        figures.put("epochs", rows);
        figures.put("inference", inference);
        figures.put("launch_to_first_batch_seconds", launchToFirstBatch.map(d -> d.toMillis() / 1e3).orElse(null));
        figures.put("peak_heap_bytes", heap);
        figures.put("peak_rss_bytes", rss);
        if (out != null) {
            JsonFiles.write(out, figures);
        }
    }

    private RunConfig config(Setting setting) {
        ModelOptions options = new ModelOptions();
        options.model = model;
        options.seed = 42;
        options.engine.kernels = kernels;
        options.engine.threads = setting.threads();
        return options.toRunConfig(1, setting.batchSize(), data, null, limit, 0);
    }

    private static double inferenceSamplesPerSecond(Sequential net, LabeledData test) {
        long warmUpStart = System.nanoTime();
        for (int pass = 0; pass < INFERENCE_WARM_UP_PASSES && System.nanoTime() - warmUpStart < INFERENCE_WARM_UP_NANOS; pass++) {
            net.predict(test.features(), INFERENCE_BATCH);
        }
        double[] rates = new double[INFERENCE_REPEATS];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            net.predict(test.features(), INFERENCE_BATCH);
            rates[i] = test.size() / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** VmHWM of /proc/self/status: the most resident memory the process had; 0 where there is no /proc. */
    private static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Notes when the first batch ends, measured from the start of the process. */
    private static final class FirstBatch implements TrainingListener {
        private Instant at;

        @Override
        public void onBatchEnd(int epoch, int step, int steps, Logs logs) {
            if (at == null) {
                at = Instant.now();
            }
        }

        Optional<Duration> sinceLaunch() {
            return ProcessHandle.current().info().startInstant().map(launch -> Duration.between(launch, at));
        }
    }
}
