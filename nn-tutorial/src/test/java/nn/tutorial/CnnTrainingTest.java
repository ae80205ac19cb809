package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import nn.api.BuildContext;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small CNNs (layers from the nn-layers-conv plugin) learn the synthetic images end to end. The
 * presets need far more steps than a test affords: with a few dozen steps BatchNormalization's
 * moving statistics (momentum 0.99) are still near their start, so inference lags training.
 */
class CnnTrainingTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private static Sequential compiled(ModelDefinition definition) {
        Sequential model = definition.build(REGISTRY, BuildContext.seeded(7));
        definition.compile(model, REGISTRY);
        return model;
    }

    /** Reshape, Conv2D 8 3x3 stride 2 same, [BatchNormalization,] ReLU, MaxPooling2D, Flatten, softmax; SGD with momentum. */
    private static Sequential smallCnn(boolean batchNormalization) {
        return compiled(ModelFiles.parse(smallCnnJson(batchNormalization), "small cnn"));
    }

    private static String smallCnnJson(boolean batchNormalization) {
        String conv = batchNormalization
                ? """
                  {"class_name": "Conv2D", "config": {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same", "use_bias": false}},
                  {"class_name": "BatchNormalization", "config": {"axis": -1, "momentum": 0.9}},
                  {"class_name": "Activation", "config": {"activation": "relu"}},
                  """
                : """
                  {"class_name": "Conv2D", "config": {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same", "activation": "relu"}},
                  """;
        return """
                {"class_name": "Sequential", "config": {"name": "small_cnn", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Reshape", "config": {"target_shape": [28, 28, 1]}},
                """ + conv + """
                  {"class_name": "MaxPooling2D", "config": {"pool_size": 2}},
                  {"class_name": "Flatten", "config": {}},
                  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]},
                 "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
                   "optimizer_config": {"class_name": "SGD", "config": {"learning_rate": 0.01, "momentum": 0.9}}}}
                """;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSmallCnnLearnsTheSyntheticImages(boolean batchNormalization) {
        Sequential model = smallCnn(batchNormalization);
        LabeledData train = SyntheticImages.generate(960, 1);
        LabeledData validation = SyntheticImages.generate(300, 2);
        History history = model.fit(train, validation, FitConfig.epochs(5).withSeed(3));
        assertTrue(history.last("val_accuracy") > 0.9, "val accuracy per epoch: " + history.get("val_accuracy"));
        assertTrue(history.last("loss") < history.get("loss").get(0), "loss per epoch: " + history.get("loss"));
    }
}
