package nn.app.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;

/**
 * Which folder the plugin jars are loaded from: the one given with {@code --plugins}, else the
 * {@code NN_PLUGINS} environment variable, else {@code plugins/} beside the launcher. A folder the
 * user named must exist; the default one may be missing, which means no plugins.
 */
public final class PluginFolder {
    public static final String ENV = "NN_PLUGINS";

    private PluginFolder() {
    }

    /**
     * @param explicit    the {@code --plugins} option, or null
     * @param env         the environment, e.g. {@link System#getenv()}
     * @param launcherDir the launcher's folder (the {@code NN_HOME} variable), or null if unknown
     * @return the folder to load, or empty when there is none
     */
    public static Optional<Path> resolve(Path explicit, Map<String, String> env, Path launcherDir) {
        if (explicit != null) {
            return Optional.of(existing(explicit, "--plugins " + explicit));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(existing(Path.of(fromEnv), ENV + "=" + fromEnv));
        }
        if (launcherDir == null || !Files.exists(launcherDir.resolve("plugins"))) {
            return Optional.empty();
        }
        Path beside = launcherDir.resolve("plugins");
        return Optional.of(existing(beside, "plugins folder " + beside));
    }

    /** The folder, or an error starting with {@code source}, e.g. {@code --plugins x: no such folder}. */
    static Path existing(Path folder, String source) {
        if (!Files.isDirectory(folder)) {
            throw new NnException(source + ": " + (Files.exists(folder) ? "not a folder" : "no such folder"));
        }
        return folder;
    }
}
