/** Fashion-MNIST: the IDX reader and locator, as a dataset plugin. */
module nn.data.fashionmnist {
    requires nn.api;

    exports nn.data.fashionmnist;
}
