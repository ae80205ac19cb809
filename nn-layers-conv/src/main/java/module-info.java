/**
 * Convolutional layers as a layer plugin, Keras 2 semantics, channels_last: {@code Conv2D},
 * {@code MaxPooling2D}, {@code AveragePooling2D}, {@code GlobalAveragePooling2D} and {@code Reshape}.
 * A sample of shape (h, w, c) is stored row-major, so Flatten keeps Keras's (h, w, c) order.
 */
module nn.layers.conv {
    requires transitive nn.api;

    exports nn.layers.conv;

    provides nn.api.LayerProvider with
            nn.layers.conv.Conv2DProvider, nn.layers.conv.MaxPooling2DProvider,
            nn.layers.conv.AveragePooling2DProvider, nn.layers.conv.GlobalAveragePooling2DProvider,
            nn.layers.conv.ReshapeProvider;
}
