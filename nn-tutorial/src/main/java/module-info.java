/** The Keras batch-normalization tutorial, written against nn's Java API, and the README's program. */
module nn.tutorial {
    requires transitive nn.core;
    requires transitive nn.layers.bn;
    requires transitive nn.optim;
    requires transitive nn.io;
    requires nn.data.fashionmnist;

    exports nn.tutorial;
}
