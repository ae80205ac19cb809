package example.plugin;

import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;

/** Creates {@link GatedLinearUnit} layers for the name {@code GatedLinearUnit} in a model file. */
public final class GatedLinearUnitProvider implements LayerProvider {

    @Override
    public String name() {
        return GatedLinearUnit.TYPE;
    }

    @Override
    public Layer create(Config config) {
        return new GatedLinearUnit(config);
    }
}
