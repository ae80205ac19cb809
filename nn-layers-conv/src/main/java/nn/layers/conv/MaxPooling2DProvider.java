package nn.layers.conv;

import java.util.List;

/** Creates {@link MaxPooling2D} layers by the Keras name {@code MaxPooling2D}. */
public final class MaxPooling2DProvider extends ConvLayerProvider {

    public MaxPooling2DProvider() {
        super(MaxPooling2D.TYPE, List.of("MaxPool2D"), MaxPooling2D::new);
    }
}
