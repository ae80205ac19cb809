package nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Features;
import nn.api.Variable;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/** Trained models to save in each format, and the checks that a loaded one is the same model. */
public final class FormatFixtures {
    public static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final FitConfig ONE_EPOCH = FitConfig.epochs(1).withBatchSize(16).withSeed(3);

    /** Every built-in layer type: Flatten, Dense with and without bias, BatchNormalization, Activation, Dropout. */
    public static final String ALL_LAYERS = """
            {"class_name": "Sequential", "config": {"name": "all_layers", "layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4, 5]}},
              {"class_name": "Flatten", "config": {"name": "flatten"}},
              {"class_name": "Dense", "config": {"name": "dense", "units": 8, "activation": "relu"}},
              {"class_name": "BatchNormalization", "config": {"name": "batch_normalization"}},
              {"class_name": "Activation", "config": {"name": "activation", "activation": "tanh"}},
              {"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.25}},
              {"class_name": "Dense", "config": {"name": "dense_1", "units": 6, "use_bias": false}},
              {"class_name": "Dense", "config": {"name": "dense_2", "units": 3, "activation": "softmax"}}]},
             "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
               "optimizer_config": {"class_name": "SGD", "config": {"name": "SGD", "learning_rate": 0.05,
                 "decay": 0.001, "momentum": 0.9, "nesterov": true}}}}
            """;

    private FormatFixtures() {
    }

    /** A preset after a few training steps, so weights, moving statistics and slots are not initial. */
    public static Sequential trainedPreset(String preset) {
        return trained(ModelFiles.preset(preset), 784, 10);
    }

    public static Sequential trainedAllLayers() {
        return trained(ModelFiles.parse(ALL_LAYERS, "all layers"), 20, 3);
    }

    private static Sequential trained(ModelDefinition definition, int features, int classes) {
        Sequential model = definition.build(REGISTRY, BuildContext.seeded(42));
        definition.compile(model, REGISTRY);
        model.fit(data(1, features, classes), ONE_EPOCH);
        return model;
    }

    public static LabeledData data(long seed, int features, int classes) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(48, features);
        FMatrixRMaj y = new FMatrixRMaj(48, 1);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = random.nextInt(classes);
        }
        return new LabeledData(x, y);
    }

    public static Sequential load(Path file) {
        return Models.load(file, REGISTRY, BuildContext.seeded(99)).model();
    }

    /** Same variables bit for bit, same predictions bit for bit. */
    public static void assertSameModel(Sequential expected, Sequential actual) {
        assertEquals(expected.weights().size(), actual.weights().size());
        for (int i = 0; i < expected.weights().size(); i++) {
            Variable saved = expected.weights().get(i);
            assertEquals(saved.path(), actual.weights().get(i).path());
            assertArrayEquals(saved.value().data, actual.weights().get(i).value().data, saved.path());
        }
        Features x = data(2, expected.inputShape().size(), 1).features();
        assertArrayEquals(expected.predict(x, 32).data, actual.predict(x, 32).data);
    }

    /** Same optimizer, iterations and slots, and the next epoch of training gives the same model (no Dropout: its masks are not saved). */
    public static void assertSameTraining(Sequential expected, Sequential actual) {
        assertSameOptimizerState(expected, actual);
        int features = expected.inputShape().size();
        int classes = expected.layers().get(expected.layers().size() - 1).outputShape().size();
        expected.fit(data(4, features, classes), ONE_EPOCH);
        actual.fit(data(4, features, classes), ONE_EPOCH);
        assertSameModel(expected, actual);
    }

    public static void assertSameOptimizerState(Sequential expected, Sequential actual) {
        assertEquals(expected.optimizer().type(), actual.optimizer().type());
        assertEquals(expected.optimizer().config(), actual.optimizer().config());
        assertEquals(expected.optimizer().iterations(), actual.optimizer().iterations());
        assertEquals(expected.optimizer().slots().keySet(), actual.optimizer().slots().keySet());
        expected.optimizer().slots().forEach((name, slot) ->
                assertArrayEquals(slot.data, actual.optimizer().slots().get(name).data, name));
    }
}
