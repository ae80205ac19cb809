/**
 * Batch normalization as a layer plugin, Keras 2 exact: {@link nn.layers.bn.BatchNormalization},
 * found by name ({@code BatchNormalization}) through {@link nn.layers.bn.BatchNormalizationProvider}.
 */
module nn.layers.bn {
    // transitive: the public API (BatchNormalization extends BaseLayer, takes a Config) is made of nn.api types
    requires transitive nn.api;

    exports nn.layers.bn;

    provides nn.api.LayerProvider with nn.layers.bn.BatchNormalizationProvider;
}
