package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nn.api.BuildContext;
import nn.api.Layer;
import nn.core.FitConfig;
import nn.core.History;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Sequential runs a relu declared just before a max pool after it, on the pool's fewer outputs
 * (nn.core's ExecutionOrder), through the app's model files: a CNN declared relu, pool trains to the
 * bits of one declared pool, relu (the same computation, run through fit), and predicts what its
 * layers give run one after another as declared. The gradients against the declared order, bit for
 * bit on special values, are nn-layers-conv's ReluAfterMaxPoolTest.
 */
class ReluMaxPoolOrderTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

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
