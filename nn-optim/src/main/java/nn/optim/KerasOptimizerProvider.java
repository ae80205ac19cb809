package nn.optim;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nn.api.Config;
import nn.api.Optimizer;
import nn.api.OptimizerProvider;

/** A provider named after the Keras class, with the lower-case spelling as its alias. */
abstract class KerasOptimizerProvider implements OptimizerProvider {
    private final String name;
    private final Function<Config, Optimizer> factory;

    KerasOptimizerProvider(String name, Function<Config, Optimizer> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return List.of(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public final Optimizer create(Config config) {
        return factory.apply(config);
    }
}
