package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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

        RunPackage back = RunPackage.fromBytes(new RunPackage(relative, Map.of()).toBytes());

        assertEquals(Optional.of(Path.of("data").toAbsolutePath()), back.dataDir());
        assertEquals(Optional.of(Path.of("data")), back.config().dataDir());
    }
}
