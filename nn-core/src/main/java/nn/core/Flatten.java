package nn.core;

import java.util.Map;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.ConfigKeys;
import nn.api.Shape;
import nn.api.ViewLayer;

/**
 * Flattens each sample to one dimension: (28, 28) to (784,). Samples are already stored as rows,
 * so forward and backward pass their matrices through unchanged.
 */
public final class Flatten extends ViewLayer {

    public Flatten() {
        this(Config.empty("layer Flatten"));
    }

    /** A first layer that declares the model's input shape, as {@code Flatten(input_shape=[28, 28])}. */
    public Flatten(int... inputShape) {
        this(Config.of("layer Flatten", Map.of("input_shape", Shape.of(inputShape).toList())));
    }

    public Flatten(Config config) {
        super("Flatten", config, ConfigKeys.layer().inert("data_format", "channels_last"));
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        return Shape.of(inputShape.size());
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("data_format", "channels_last");
    }
}
