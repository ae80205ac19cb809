package nn.core;

import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** Creates Keras {@code Activation} layers ({@link ActivationLayer}) by name. */
public final class ActivationLayerProvider implements LayerProvider {

    @Override
    public String name() {
        return "Activation";
    }

    @Override
    public Layer create(Config config) {
        return new ActivationLayer(config);
    }
}
