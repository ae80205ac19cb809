package nn.app.wiring;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nn.core.PluginRegistry;

/**
 * Fashion-MNIST read once per JVM and (folder, limit), for code that runs many times in one JVM (a
 * grid's runs, a data-parallel worker's rounds on an executor): reading the files takes a second,
 * and training never changes the data.
 */
public final class SharedFashionMnist {
    private static final Map<String, FashionMnistData> READ = new ConcurrentHashMap<>();

    private SharedFashionMnist() {
    }

    public static FashionMnistData of(PluginRegistry registry, Optional<Path> dataDir, Optional<Integer> limit) {
        String key = dataDir.map(Path::toString).orElse("") + "\n" + limit.map(String::valueOf).orElse("all");
        return READ.computeIfAbsent(key, k -> new FashionMnistData(registry, dataDir, limit));
    }
}
