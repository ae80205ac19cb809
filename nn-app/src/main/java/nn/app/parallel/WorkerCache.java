package nn.app.parallel;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nn.api.NnException;
import nn.app.plugins.PluginLayers;
import nn.app.plugins.Plugins;
import nn.app.plugins.ShippedPlugins;
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
    /** The runs whose idle models are kept: more would only hold memory on a long-lived executor. */
    static final int KEPT_SETUPS = 4;
    private static final Map<String, PluginRegistry> REGISTRIES = new ConcurrentHashMap<>();
    private static final IdleModels IDLE_MODELS = new IdleModels(KEPT_SETUPS);

    private WorkerCache() {
    }

    static PluginRegistry registry(Map<String, byte[]> jars) {
        return REGISTRIES.computeIfAbsent(digest(jars), key -> jars.isEmpty() ? Plugins.none().registry() : load(jars));
    }

    static LabeledData trainingData(PluginRegistry registry, Optional<String> dataDir, Optional<Integer> limit) {
        return SharedFashionMnist.of(registry, dataDir.map(Path::of), limit).train();
    }

    /** An idle copy of the model of this setup, lent to the caller alone, if one was given back. */
    static Optional<Sequential> borrowModel(byte[] setup) {
        return IDLE_MODELS.borrow(digest(setup));
    }

    /** Keeps {@code model} for the next round of its setup; past {@link #KEPT_SETUPS} runs, the idle models of those used longest ago are closed. */
    static void giveBack(byte[] setup, Sequential model) {
        IDLE_MODELS.giveBack(digest(setup), model);
    }

    /**
     * Closes the idle models of this setup: its run has ended. Only the JVM that runs the driver can
     * call it; on other JVMs (Spark executors) the bound of {@link #KEPT_SETUPS} frees them.
     */
    static void release(byte[] setup) {
        IDLE_MODELS.release(digest(setup));
    }

    /** The setups with idle models kept, by digest; for tests. */
    static Set<String> idleSetups() {
        return IDLE_MODELS.setups();
    }

    /**
     * The jars' plugins, loaded as {@code --plugins} loads a folder (a module layer, or on the class
     * path a class loader), from a temporary copy that lives as long as the registry: this JVM.
     */
    private static PluginRegistry load(Map<String, byte[]> jars) {
        Path folder;
        try {
            folder = ExitDeletedFolders.create("nn-plugins-");
        } catch (IOException e) {
            throw new NnException("cannot make a temporary folder for the run's plugin jars: " + e.getMessage(), e);
        }
        try {
            return PluginLayers.load(ShippedPlugins.write(jars, folder)).registry();
        } catch (RuntimeException | Error e) {
            ExitDeletedFolders.delete(folder);
            throw e;
        }
    }

    private static String digest(Map<String, byte[]> jars) {
        MessageDigest sha = sha256();
        jars.forEach((name, content) -> {
            sha.update((name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(content);
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
