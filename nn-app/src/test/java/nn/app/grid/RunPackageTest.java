package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.app.run.RunConfig;
import org.junit.jupiter.api.Test;

class RunPackageTest {

    @Test
    void aRelativeDataFolderTravelsAbsoluteWhileRunJsonKeepsItAsGiven() {
        RunConfig config = RunConfig.tutorial().forRun("no-bn", 3, Path.of("grid", "run"));
        RunConfig relative = config.resumedIn(Path.of("grid", "run"), config.epochs(), Optional.of(Path.of("data")),
                config.pluginsDir(), config.threads(), config.verbose());

        RunPackage back = RunPackage.fromBytes(new RunPackage(relative, Map.of(), Map.of()).toBytes());

        assertEquals(Optional.of(Path.of("data").toAbsolutePath()), back.dataDir());
        assertEquals(Optional.of(Path.of("data")), back.config().dataDir());
    }

    /** A run that goes on from its checkpoints carries them, and its plugins, by name. */
    @Test
    void checkpointsAndPluginsTravelByName() {
        RunConfig config = RunConfig.tutorial().forRun("no-bn", 3, Path.of("grid", "run"));
        RunPackage back = RunPackage.fromBytes(new RunPackage(config, Map.of("p.jar", new byte[] {1}),
                Map.of("last.zip", new byte[] {2, 3}, "best.zip", new byte[] {4})).toBytes());

        assertEquals(Map.of("p.jar", List.of((byte) 1)), lists(back.pluginJars()));
        assertEquals(Map.of("last.zip", List.of((byte) 2, (byte) 3), "best.zip", List.of((byte) 4)), lists(back.checkpoints()));
    }

    private static Map<String, List<Byte>> lists(Map<String, byte[]> files) {
        Map<String, List<Byte>> lists = new HashMap<>();
        files.forEach((name, bytes) -> {
            List<Byte> list = new ArrayList<>();
            for (byte b : bytes) {
                list.add(b);
            }
            lists.put(name, list);
        });
        return lists;
    }
}
