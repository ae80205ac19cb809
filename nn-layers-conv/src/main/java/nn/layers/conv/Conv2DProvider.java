package nn.layers.conv;

import java.util.List;

/** Creates {@link Conv2D} layers by the Keras name {@code Conv2D}. */
public final class Conv2DProvider extends ConvLayerProvider {

    public Conv2DProvider() {
        super(Conv2D.TYPE, List.of("Convolution2D"), Conv2D::new);
    }
}
