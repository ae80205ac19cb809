package nn.core;

import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** Creates {@link Flatten} layers by name. */
public final class FlattenProvider implements LayerProvider {

    @Override
    public String name() {
        return "Flatten";
    }

    @Override
    public Layer create(Config config) {
        return new Flatten(config);
    }
}
