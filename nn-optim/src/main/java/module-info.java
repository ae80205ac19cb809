/**
 * Keras 2 optimizers as plugins: SGD (momentum, Nesterov, decay), Adam, RMSprop and Adagrad,
 * created by name through {@link nn.api.OptimizerProvider}.
 */
module nn.optim {
    requires transitive nn.api;

    exports nn.optim;

    provides nn.api.OptimizerProvider with
            nn.optim.SGDProvider,
            nn.optim.AdamProvider,
            nn.optim.RMSpropProvider,
            nn.optim.AdagradProvider;
}
