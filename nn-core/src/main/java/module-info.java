/**
 * The core of nn: the Sequential model and its training loop, the built-in layers (Flatten, Dense,
 * Activation, Dropout), activations, losses and metrics, the Keras summary and progress output, and
 * the registry that finds plugins by name.
 */
module nn.core {
    requires transitive nn.api;

    exports nn.core;
    exports nn.core.engine;
    exports nn.core.parallel;

    uses nn.api.LayerProvider;
    uses nn.api.ActivationProvider;
    uses nn.api.OptimizerProvider;
    uses nn.api.LossProvider;
    uses nn.api.MetricProvider;
    uses nn.api.DatasetProvider;
    uses nn.api.Kernels;
    uses nn.core.ModelSaver;
    uses nn.core.engine.RemoteTask;
    uses nn.core.engine.EngineProvider;

    provides nn.api.LayerProvider with
            nn.core.DenseProvider, nn.core.FlattenProvider, nn.core.ActivationLayerProvider, nn.core.DropoutProvider;
    provides nn.api.ActivationProvider with
            nn.core.Relu, nn.core.Softmax, nn.core.Sigmoid, nn.core.Tanh, nn.core.Linear, nn.core.Elu,
            nn.core.LeakyRelu, nn.core.Gelu;
    provides nn.api.LossProvider with
            nn.core.SparseCategoricalCrossentropy, nn.core.CategoricalCrossentropy, nn.core.MeanSquaredError;
    provides nn.api.MetricProvider with nn.core.Accuracy;
}
