package nn.core;

import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** Creates {@link Dense} layers by name. */
public final class DenseProvider implements LayerProvider {

    @Override
    public String name() {
        return "Dense";
    }

    @Override
    public Layer create(Config config) {
        return new Dense(config);
    }
}
