package nn.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderTest {
    @TempDir
    Path home;

    @Test
    void theOptionWinsOverTheEnvironmentAndTheDefault() throws IOException {
        Path option = Files.createDirectory(home.resolve("mine"));
        Path env = Files.createDirectory(home.resolve("env"));
        Files.createDirectory(home.resolve("plugins"));
        assertEquals(Optional.of(option), PluginFolder.resolve(option, Map.of("NN_PLUGINS", env.toString()), home));
    }

    @Test
    void theEnvironmentWinsOverTheDefault() throws IOException {
        Path env = Files.createDirectory(home.resolve("env"));
        Files.createDirectory(home.resolve("plugins"));
        assertEquals(Optional.of(env), PluginFolder.resolve(null, Map.of("NN_PLUGINS", env.toString()), home));
    }

    @Test
    void theDefaultIsPluginsBesideTheLauncher() throws IOException {
        Path beside = Files.createDirectory(home.resolve("plugins"));
        assertEquals(Optional.of(beside), PluginFolder.resolve(null, Map.of("NN_PLUGINS", " "), home));
    }

    @Test
    void noDefaultFolderMeansNoPlugins() {
        assertEquals(Optional.empty(), PluginFolder.resolve(null, Map.of(), home));
        assertEquals(Optional.empty(), PluginFolder.resolve(null, Map.of(), null));
    }

    @Test
    void aFolderTheUserNamedMustExist() throws IOException {
        Path missing = home.resolve("missing");
        assertEquals("--plugins " + missing + ": no such folder",
                assertThrows(NnException.class, () -> PluginFolder.resolve(missing, Map.of(), home)).getMessage());
        assertEquals("NN_PLUGINS=" + missing + ": no such folder",
                assertThrows(NnException.class, () -> PluginFolder.resolve(null, Map.of("NN_PLUGINS", missing.toString()), home))
                        .getMessage());
        Path file = Files.writeString(home.resolve("file"), "x");
        assertEquals("--plugins " + file + ": not a folder",
                assertThrows(NnException.class, () -> PluginFolder.resolve(file, Map.of(), home)).getMessage());
    }

    @Test
    void aDefaultPluginsFileIsAnError() throws IOException {
        Path file = Files.writeString(home.resolve("plugins"), "x");
        assertEquals("plugins folder " + file + ": not a folder",
                assertThrows(NnException.class, () -> PluginFolder.resolve(null, Map.of(), home)).getMessage());
    }
}
