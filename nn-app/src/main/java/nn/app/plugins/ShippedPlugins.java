package nn.app.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import nn.api.NnException;

/**
 * Plugin jars as bytes, for work that runs where the plugins folder is not (a Spark executor): read
 * from the folder by file name on one side, written into a folder on the other, then loaded with
 * {@link PluginLayers#load} as {@code --plugins} would be.
 */
public final class ShippedPlugins {

    private ShippedPlugins() {
    }

    /** The jars of {@code folder} by file name, sorted (none when it has none). */
    public static Map<String, byte[]> read(Path folder) {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList()) {
                jars.put(jar.getFileName().toString(), Files.readAllBytes(jar));
            }
        } catch (IOException e) {
            throw new NnException("plugins folder " + folder + ": cannot be read: " + e.getMessage(), e);
        }
        return jars;
    }

    /** Writes the jars into {@code folder} (created if need be) under their file names; returns the folder. */
    public static Path write(Map<String, byte[]> jars, Path folder) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
                Files.write(folder.resolve(Path.of(jar.getKey()).getFileName().toString()), jar.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new NnException("cannot write the plugin jars to " + folder + ": " + e.getMessage(), e);
        }
    }
}
