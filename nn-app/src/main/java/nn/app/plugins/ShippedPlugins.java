package nn.app.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import nn.app.Folders;
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
        try {
            return Folders.read(folder, ".jar");
        } catch (IOException e) {
            throw new NnException("plugins folder " + folder + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the jars into {@code folder} (created if need be) under their file names; returns the folder. */
    public static Path write(Map<String, byte[]> jars, Path folder) {
        try {
            return Folders.write(jars, folder);
        } catch (IOException e) {
            throw new NnException("cannot write the plugin jars to " + folder + ": " + e.getMessage(), e);
        }
    }
}
