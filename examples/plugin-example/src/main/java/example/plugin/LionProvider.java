package example.plugin;

import java.util.List;
import nn.api.Config;
import nn.api.Optimizer;
import nn.api.OptimizerProvider;

/** Creates a new {@link Lion} (optimizers have state) for the name {@code Lion} or {@code lion}. */
public final class LionProvider implements OptimizerProvider {

    @Override
    public String name() {
        return Lion.TYPE;
    }

    @Override
    public List<String> aliases() {
        return List.of("lion");
    }

    @Override
    public Optimizer create(Config config) {
        return new Lion(config);
    }
}
