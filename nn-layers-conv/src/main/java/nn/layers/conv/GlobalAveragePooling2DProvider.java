package nn.layers.conv;

import java.util.List;

/** Creates {@link GlobalAveragePooling2D} layers by the Keras name {@code GlobalAveragePooling2D}. */
public final class GlobalAveragePooling2DProvider extends ConvLayerProvider {

    public GlobalAveragePooling2DProvider() {
        super(GlobalAveragePooling2D.TYPE, List.of("GlobalAvgPool2D"), GlobalAveragePooling2D::new);
    }
}
