package nn.app.wiring;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nn.api.Dataset;
import nn.app.BadOption;
import nn.app.run.RunConfig;
import nn.core.LabeledData;
import nn.core.PluginRegistry;

/** The run's data: Fashion-MNIST from the dataset plugin, split as the tutorial splits it. */
public final class FashionMnistData {
    private final Dataset dataset;

    @Inject
    public FashionMnistData(RunConfig config, PluginRegistry registry) {
        this(registry, config.dataDir(), config.limit());
    }

    /** From the folder (or the dataset's own search) and the first {@code limit} training images, e.g. on a worker. */
    public FashionMnistData(PluginRegistry registry, Optional<Path> dataDir, Optional<Integer> limit) {
        Map<String, Object> options = new LinkedHashMap<>();
        dataDir.ifPresent(dir -> options.put("data_dir", dir.toString()));
        limit.ifPresent(n -> options.put("limit", n));
        this.dataset = registry.dataset("fashion_mnist", options);
        limit.ifPresent(n -> {
            if (dataset.trainLabels().numRows < n) {
                throw new BadOption("--limit", "is " + n + ", but the data hold only " + dataset.trainLabels().numRows
                        + " training images");
            }
        });
    }

    /** The whole data set: its sample shape and classes, for {@link DataFit}. */
    public Dataset dataset() {
        return dataset;
    }

    /** All training images (or the first --limit of them), pixels kept as bytes until a batch reads them. */
    public LabeledData train() {
        return new LabeledData(dataset.trainFeatures(), dataset.trainLabels());
    }

    /** The first 5,000 training images, which the tutorial also trains on: a view of them, not a copy. */
    public LabeledData validation() {
        LabeledData train = train();
        return train.rows(0, Math.min(RunConfig.VALIDATION_SIZE, train.size()));
    }

    public LabeledData test() {
        return new LabeledData(dataset.testFeatures(), dataset.testLabels());
    }
}
