package nn.spark;

import java.nio.file.Path;
import java.util.List;
import nn.core.engine.Engine;
import nn.core.engine.EngineProvider;

/** The {@code spark} engine, found by the launcher's {@code --spark MASTER}. */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine connect(String master, List<Path> jars) {
        return SparkEngine.connect(master, jars);
    }
}
