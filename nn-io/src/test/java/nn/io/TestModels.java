package nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Features;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/** Models for the format tests: trained a little, so weights, moving statistics and slots are not initial. */
public final class TestModels {
    public static final PluginRegistry REGISTRY = PluginRegistry.discover();

    /** Every built-in layer type: Flatten, Dense with and without bias, BatchNormalization, Activation, Dropout. */
    public static final String EVERY_LAYER = """
            {"class_name": "Sequential", "config": {"name": "every_layer", "layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4, 5]}},
              {"class_name": "Flatten", "config": {}},
              {"class_name": "Dense", "config": {"units": 12, "activation": "tanh"}},
              {"class_name": "BatchNormalization", "config": {"momentum": 0.9, "epsilon": 0.01}},
              {"class_name": "Dropout", "config": {"rate": 0.25}},
              {"class_name": "Dense", "config": {"units": 8, "use_bias": false}},
              {"class_name": "Activation", "config": {"activation": "elu"}},
              {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}}]},
             "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
               "optimizer_config": {"class_name": "Adam", "config": {"learning_rate": 0.01}}}}""";

    private TestModels() {
    }

    /** A preset ({@code bn-before}, ...) with the tutorial's compile settings, after one epoch on random images. */
    public static Sequential trainedPreset(String preset) {
        return trained(ModelFiles.preset(preset).withDefaultCompile());
    }

    public static Sequential trainedEveryLayer() {
        return trained(ModelFiles.parse(EVERY_LAYER, "every layer"));
    }

    private static Sequential trained(ModelDefinition definition) {
        Sequential model = definition.build(REGISTRY, BuildContext.seeded(7));
        definition.compile(model, REGISTRY);
        model.fit(data(model, 48, 1), FitConfig.epochs(1).withBatchSize(16).withSeed(3));
        return model;
    }

    /** Random samples of the model's input shape with labels of its classes. */
    public static LabeledData data(Sequential model, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(rows, model.inputShape().size());
        FMatrixRMaj y = new FMatrixRMaj(rows, 1);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < rows; i++) {
            y.data[i] = random.nextInt(model.outputShape().size());
        }
        return new LabeledData(x, y);
    }

    /** Same layers, same weights bit for bit, same predictions bit for bit. */
    public static void assertSameModel(Sequential expected, Sequential actual) {
        assertEquals(expected.layers().stream().map(l -> l.name() + ":" + l.type()).toList(),
                actual.layers().stream().map(l -> l.name() + ":" + l.type()).toList());
        assertEquals(expected.weights().stream().map(v -> v.path() + v.shape()).toList(),
                actual.weights().stream().map(v -> v.path() + v.shape()).toList());
        List<float[]> weights = expected.getWeights();
        for (int i = 0; i < weights.size(); i++) {
            assertArrayEquals(weights.get(i), actual.getWeights().get(i), expected.weights().get(i).path());
        }
        Features x = data(expected, 20, 5).features();
        assertArrayEquals(expected.predict(x, 8).data, actual.predict(x, 8).data);
    }
}
