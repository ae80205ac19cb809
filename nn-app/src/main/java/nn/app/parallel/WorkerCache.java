package nn.app.parallel;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import nn.api.NnException;
import nn.app.plugins.PluginLayers;
import nn.app.wiring.SharedFashionMnist;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;

/**
 * What a worker JVM keeps between rounds because it is slow to make: the plugin registry (by the
 * jars' content), the training data (by folder and limit, {@link SharedFashionMnist}) and idle
 * copies of each run's model (by the setup's content). A round sets everything its result depends
 * on, so a hit and a miss give the same result; a retried task on a fresh executor only pays the
 * loading again.
 */
final class WorkerCache {
    private static final Map<String, PluginRegistry> REGISTRIES = new ConcurrentHashMap<>();
    private static final Map<String, Queue<Sequential>> IDLE_MODELS = new ConcurrentHashMap<>();

    private WorkerCache() {
    }

    static PluginRegistry registry(List<ShippedJar> jars) {
        return REGISTRIES.computeIfAbsent(digest(jars), key -> jars.isEmpty() ? PluginRegistry.discover() : load(jars));
    }

    static LabeledData trainingData(PluginRegistry registry, Optional<String> dataDir, Optional<Integer> limit) {
        return SharedFashionMnist.of(registry, dataDir.map(Path::of), limit).train();
    }

    /** An idle copy of the model of this setup, if one was given back. */
    static Optional<Sequential> borrowModel(byte[] setup) {
        return Optional.ofNullable(IDLE_MODELS.computeIfAbsent(digest(setup), key -> new ConcurrentLinkedQueue<>()).poll());
    }

    static void giveBack(byte[] setup, Sequential model) {
        IDLE_MODELS.computeIfAbsent(digest(setup), key -> new ConcurrentLinkedQueue<>()).add(model);
    }

    /**
     * The jars' plugins, in a module layer of their own when nn runs on the module path (as
     * {@code --plugins} loads them), else (Spark runs nn on the class path) on a class loader of
     * their own.
     */
    private static PluginRegistry load(List<ShippedJar> jars) {
        Path folder = written(jars);
        if (WorkerCache.class.getModule().isNamed()) {
            return PluginLayers.load(folder).registry();
        }
        List<URL> urls = new ArrayList<>();
        for (ShippedJar jar : jars) {
            try {
                urls.add(folder.resolve(jar.name()).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new NnException("plugin jar " + jar.name() + ": " + e.getMessage(), e);
            }
        }
        ClassLoader plugins = new URLClassLoader("nn-plugins", urls.toArray(URL[]::new), WorkerCache.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(plugins); // PluginRegistry.discover() looks on the context class loader
        try {
            return PluginRegistry.discover();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Path written(List<ShippedJar> jars) {
        try {
            Path folder = Files.createTempDirectory("nn-plugins-");
            folder.toFile().deleteOnExit();
            for (ShippedJar jar : jars) {
                Path file = folder.resolve(Path.of(jar.name()).getFileName().toString());
                Files.write(file, jar.content());
                file.toFile().deleteOnExit();
            }
            return folder;
        } catch (IOException e) {
            throw new NnException("cannot write the run's plugin jars to a temporary folder: " + e.getMessage(), e);
        }
    }

    private static String digest(List<ShippedJar> jars) {
        MessageDigest sha = sha256();
        jars.forEach(jar -> {
            sha.update(jar.name().getBytes(StandardCharsets.UTF_8));
            sha.update(jar.content());
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
