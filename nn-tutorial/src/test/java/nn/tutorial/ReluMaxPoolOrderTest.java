package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Layer;
import nn.api.Shape;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sequential runs a relu declared just before a max pool after it, on the pool's fewer outputs
 * (nn.core's ExecutionOrder). Relu then pool and pool then relu give the same outputs and input
 * gradients bit for bit, ties, zeros of both signs and all-negative windows included; a CNN declared
 * relu, pool trains to the bits of one declared pool, relu; and it predicts what its layers give
 * run one after another as declared.
 */
class ReluMaxPoolOrderTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final float[] LEVELS = {-2f, -1f, -0f, 0f, 0.5f, 1f, 1f, 3f};

    private static Layer built(String type, Map<String, ?> config, Shape input) {
        Layer layer = REGISTRY.layer(type, config);
        layer.build(input, BuildContext.seeded(1));
        return layer;
    }

    /** Values from a few levels, so that windows tie, hold both zeros, or are all negative. */
    private static FMatrixRMaj levels(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj m = new FMatrixRMaj(rows, columns);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = LEVELS[random.nextInt(LEVELS.length)];
        }
        return m;
    }

    @ParameterizedTest(name = "pool {0}")
    @ValueSource(strings = {"2x2 valid", "3x3 stride 2 same"})
    void reluThenPoolEqualsPoolThenReluBitForBit(String which) {
        Map<String, ?> config = which.startsWith("2x2") ? Map.of("pool_size", 2)
                : Map.of("pool_size", 3, "strides", 2, "padding", "same");
        Shape image = Shape.of(6, 7, 3);
        Layer relu = built("Activation", Map.of("activation", "relu"), image);
        Layer pool = built("MaxPooling2D", config, image);
        Layer poolFirst = built("MaxPooling2D", config, image);
        Layer reluAfter = built("Activation", Map.of("activation", "relu"), pool.outputShape());
        FMatrixRMaj x = levels(5, image.size(), 1);
        FMatrixRMaj dy = levels(5, pool.outputShape().size(), 2);

        float[] declared = pool.forward(relu.forward(x, true), true).data.clone();
        float[] reordered = reluAfter.forward(poolFirst.forward(x, true), true).data.clone();
        assertArrayEquals(declared, reordered, "outputs");
        float[] declaredDx = relu.backward(pool.backward(dy, true), true).data.clone();
        float[] reorderedDx = poolFirst.backward(reluAfter.backward(dy, true), true).data.clone();
        assertArrayEquals(declaredDx, reorderedDx, "input gradients");
    }

    private static Sequential cnn(boolean reluFirst) {
        String relu = """
                  {"class_name": "Activation", "config": {"activation": "relu"}},
                """;
        String pool = """
                  {"class_name": "MaxPooling2D", "config": {"pool_size": 2}},
                """;
        String json = """
                {"class_name": "Sequential", "config": {"name": "cnn", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Reshape", "config": {"target_shape": [28, 28, 1]}},
                  {"class_name": "Conv2D", "config": {"filters": 8, "kernel_size": 3, "padding": "same", "use_bias": false}},
                  {"class_name": "BatchNormalization", "config": {"axis": -1}},
                """ + (reluFirst ? relu + pool : pool + relu) + """
                  {"class_name": "Flatten", "config": {}},
                  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]},
                 "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
                   "optimizer_config": {"class_name": "SGD", "config": {"learning_rate": 0.05, "momentum": 0.9}}}}
                """;
        ModelDefinition definition = ModelFiles.parse(json, "cnn");
        Sequential model = definition.build(REGISTRY, BuildContext.seeded(7));
        definition.compile(model, REGISTRY);
        return model;
    }

    @Test
    void aCnnDeclaredReluThenPoolTrainsAsOneDeclaredPoolThenRelu() {
        LabeledData train = SyntheticImages.generate(256, 1);
        Sequential declared = cnn(true);
        Sequential swapped = cnn(false);
        History a = declared.fit(train, FitConfig.epochs(2).withSeed(3));
        History b = swapped.fit(train, FitConfig.epochs(2).withSeed(3));
        assertEquals(a.get("loss"), b.get("loss"));
        List<float[]> wa = declared.getWeights();
        List<float[]> wb = swapped.getWeights();
        for (int i = 0; i < wa.size(); i++) {
            assertArrayEquals(wa.get(i), wb.get(i), "weights " + i);
        }
    }

    @Test
    void predictionsAreWhatTheLayersGiveInTheirDeclaredOrder() {
        Sequential model = cnn(true);
        FMatrixRMaj x = SyntheticImages.generate(20, 4).features().toMatrix();
        float[] predicted = model.forward(x, false).data.clone();
        FMatrixRMaj a = x;
        for (Layer layer : model.layers()) {
            a = layer.forward(a, false);
        }
        assertArrayEquals(a.data, predicted);
    }
}
