package nn.core;

import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** Creates {@link Dropout} layers by name. */
public final class DropoutProvider implements LayerProvider {

    @Override
    public String name() {
        return "Dropout";
    }

    @Override
    public Layer create(Config config) {
        return new Dropout(config);
    }
}
