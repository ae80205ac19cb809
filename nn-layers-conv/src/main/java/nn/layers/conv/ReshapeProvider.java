package nn.layers.conv;

import java.util.List;

/** Creates {@link Reshape} layers by the Keras name {@code Reshape}. */
public final class ReshapeProvider extends ConvLayerProvider {

    public ReshapeProvider() {
        super(Reshape.TYPE, List.of(), Reshape::new);
    }
}
