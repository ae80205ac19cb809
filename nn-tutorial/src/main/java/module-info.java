/** The Keras batch-normalization tutorial, written against nn's Java API. */
module nn.tutorial {
    requires transitive nn.core;
    requires transitive nn.layers.bn;
    requires transitive nn.optim;

    exports nn.tutorial;
}
