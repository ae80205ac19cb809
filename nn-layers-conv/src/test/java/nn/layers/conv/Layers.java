package nn.layers.conv;

import java.util.Map;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;
import nn.api.Shape;

/** Test helpers: a layer from its provider and config, built for an input shape. */
final class Layers {

    private Layers() {
    }

    static Layer built(LayerProvider provider, Map<String, ?> config, int... inputShape) {
        return built(provider, config, BuildContext.seeded(1), inputShape);
    }

    static Layer built(LayerProvider provider, Map<String, ?> config, BuildContext context, int... inputShape) {
        Layer layer = provider.create(Config.of("layer " + provider.name(), Map.copyOf(config)));
        layer.build(Shape.of(inputShape), context);
        return layer;
    }

    /** 1, 2, ..., 16 as one 4x4 sample with one channel. */
    static float[] oneToSixteen() {
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
