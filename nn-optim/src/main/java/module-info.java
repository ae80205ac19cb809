/**
 * Optimizers as plugins: Keras 2's SGD (momentum, Nesterov, decay), Adam, RMSprop and Adagrad, and
 * Keras 3's AdamW, created by name through {@link nn.api.OptimizerProvider}.
 */
module nn.optim {
    requires transitive nn.api;

    exports nn.optim;

    provides nn.api.OptimizerProvider with
            nn.optim.SGDProvider,
            nn.optim.AdamProvider,
            nn.optim.AdamWProvider,
            nn.optim.RMSpropProvider,
            nn.optim.AdagradProvider;
}
