package nn.layers.conv;

import java.util.List;
import java.util.function.Function;
import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** A provider that creates one layer type by its Keras name (and Keras's other spellings). */
abstract class ConvLayerProvider implements LayerProvider {
    private final String name;
    private final List<String> aliases;
    private final Function<Config, Layer> factory;

    ConvLayerProvider(String name, List<String> aliases, Function<Config, Layer> factory) {
        this.name = name;
        this.aliases = aliases;
        this.factory = factory;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    @Override
    public final Layer create(Config config) {
        return factory.apply(config);
    }
}
