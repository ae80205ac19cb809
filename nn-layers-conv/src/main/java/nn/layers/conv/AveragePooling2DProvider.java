package nn.layers.conv;

import java.util.List;

/** Creates {@link AveragePooling2D} layers by the Keras name {@code AveragePooling2D}. */
public final class AveragePooling2DProvider extends ConvLayerProvider {

    public AveragePooling2DProvider() {
        super(AveragePooling2D.TYPE, List.of("AvgPool2D"), AveragePooling2D::new);
    }
}
