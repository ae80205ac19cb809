/** Fashion-MNIST: the IDX reader, locator and fetcher, as a dataset plugin. */
module nn.data.fashionmnist {
    requires transitive nn.api;
    requires java.net.http;

    exports nn.data.fashionmnist;

    provides nn.api.DatasetProvider with nn.data.fashionmnist.FashionMnistProvider;
}
