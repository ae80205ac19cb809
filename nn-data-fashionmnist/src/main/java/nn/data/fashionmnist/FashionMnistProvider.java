package nn.data.fashionmnist;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import nn.api.Config;
import nn.api.Dataset;
import nn.api.DatasetProvider;

/**
 * The {@code fashion_mnist} dataset. Config keys: {@code data_dir} (a folder holding the four
 * files; if given, the only place looked in), {@code download} (default true: fetch the files
 * into the user cache when no folder has them) and {@code limit} (only the first N training
 * samples, for quick runs).
 */
public final class FashionMnistProvider implements DatasetProvider {
    private final DataLocator locator;
    private final Fetcher fetcher;

    /** For {@link java.util.ServiceLoader}: the real machine. */
    public FashionMnistProvider() {
        this(DataLocator.forThisMachine());
    }

    private FashionMnistProvider(DataLocator locator) {
        this(locator, FetchChain.standard(locator));
    }

    public FashionMnistProvider(DataLocator locator, Fetcher fetcher) {
        this.locator = locator;
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return FashionMnist.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("fashion-mnist", "FashionMNIST");
    }

    @Override
    public Dataset create(Config config) {
        String dataDir = config.getString("data_dir", null);
        boolean download = config.getBoolean("download", true);
        int limit = config.has("limit") ? config.requirePositiveInt("limit") : Integer.MAX_VALUE;
        Path folder = locator.locate(dataDir == null ? null : toPath(config, dataDir)).orElseGet(() -> {
            if (!download) {
                throw HowToGetData.missing(locator.candidates(),
                        List.of("nothing: downloading is off (config key download is false)"));
            }
            return fetcher.fetch(locator.cacheDir());
        });
        return FashionMnistReader.read(folder, limit);
    }

    private static Path toPath(Config config, String dataDir) {
        try {
            return Path.of(dataDir);
        } catch (InvalidPathException e) {
            throw config.invalid("data_dir", dataDir, "must be a folder path (" + e.getReason() + ")");
        }
    }
}
