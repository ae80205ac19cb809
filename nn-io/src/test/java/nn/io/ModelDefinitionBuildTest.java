package nn.io;

import static nn.io.ModelFilesReadTest.FLATTEN;
import static nn.io.ModelFilesReadTest.INPUT;
import static nn.io.ModelFilesReadTest.withLayers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.api.Shape;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;

class ModelDefinitionBuildTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();

    static Sequential build(String json) {
        return ModelFiles.parse(json, "m.json").build(REGISTRY, BuildContext.seeded(0));
    }

    static void assertBuildError(String expected, String json) {
        assertEquals(expected, assertThrows(NnException.class, () -> build(json)).getMessage());
    }

    static String dense(String config) {
        return "{\"class_name\": \"Dense\", \"config\": {" + config + "}}";
    }

    @Test
    void buildsAndCompilesAKeras2File() {
        ModelDefinition d = ModelFiles.parse(ModelFilesReadTest.KERAS2, "k.json");
        Sequential model = d.build(REGISTRY, BuildContext.seeded(0));
        d.compile(model, REGISTRY);
        assertEquals("sequential_7", model.name());
        assertEquals(Shape.of(28, 28), model.inputShape());
        assertEquals(List.of("flatten", "dense", "batch_normalization", "dense_1"),
                model.layers().stream().map(l -> l.name()).toList());
        assertEquals(Shape.of(10), model.outputShape());
        assertEquals("SGD", model.optimizer().type());
        assertEquals(0.9, model.optimizer().config().get("momentum"));
        assertEquals("sparse_categorical_crossentropy", model.loss().name());
        assertEquals("accuracy", model.metrics().get(0).name());
    }

    @Test
    void anUnknownLayerTypeListsTheKnownOnes() {
        assertBuildError("m.json: layer 1 'GatedLinear' is not provided by any plugin; known layers: Activation,"
                + " AveragePooling2D (AvgPool2D), BatchNormalization (batch_normalization), Conv2D (Convolution2D), Dense, Dropout,"
                + " Flatten, GlobalAveragePooling2D (GlobalAvgPool2D), MaxPooling2D (MaxPool2D), Reshape",
                withLayers(INPUT + "," + FLATTEN + ", {\"class_name\": \"GatedLinear\", \"config\": {}}"));
    }

    @Test
    void impossibleLayersNameTheFileAndTheLayer() {
        assertBuildError("m.json: layer 1 'dense' (Dense): layer Dense: 'units' must be a positive integer, got 0",
                withLayers(INPUT + "," + FLATTEN + "," + dense("\"name\": \"dense\", \"units\": 0")));
        assertBuildError("m.json: layer 1 (Dense): layer Dense: 'units' must be a positive integer, got -3",
                withLayers(INPUT + "," + FLATTEN + "," + dense("\"units\": -3")));
        assertBuildError("m.json: layer 1 (Dense): layer Dense: 'units' is required",
                withLayers(INPUT + "," + FLATTEN + "," + dense("\"activation\": \"relu\"")));
        assertBuildError("m.json: layer 0 'dense' (Dense): layer dense (Dense) needs a flat input (features,), got"
                + " (28, 28): put a Flatten before it",
                withLayers(INPUT + "," + dense("\"name\": \"dense\", \"units\": 10")));
        assertBuildError("m.json: layer 0 (Flatten): the model has no input shape: start config.layers with an"
                + " InputLayer whose batch_input_shape is e.g. [null, 28, 28]", withLayers(FLATTEN));
    }

    @Test
    void shapesTooLargeToCountAreErrorsNamingTheFile() {
        // Depending on the nn-api version, Shape rejects it when made or Flatten when it counts the elements.
        String message = assertThrows(NnException.class, () -> build(withLayers(
                "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 100000, 100000]}},"
                        + FLATTEN))).getMessage();
        assertTrue(message.startsWith("m.json: config.layers[0].config.batch_input_shape: ")
                || message.startsWith("m.json: layer 0 (Flatten): "), message);
    }

    @Test
    void unknownActivationsAndOptimizersListTheKnownOnes() {
        String message = assertThrows(NnException.class, () -> build(withLayers(INPUT + "," + FLATTEN + ","
                + dense("\"units\": 3, \"activation\": \"swishy\"")))).getMessage();
        assertEquals("m.json: layer 1 (Dense): layer Dense: unknown activation 'swishy'; known activations: elu,"
                + " gelu, leaky_relu, linear, relu, sigmoid, softmax, tanh", message);

        ModelDefinition d = ModelFiles.parse(withLayers(INPUT + "," + FLATTEN), "m.json")
                .withDefaultCompile().withOptimizer("Nadamax", java.util.Map.of());
        Sequential model = d.build(REGISTRY, BuildContext.seeded(0));
        assertEquals("m.json: training_config: unknown optimizer 'Nadamax'; known optimizers: Adagrad (adagrad),"
                + " Adam (adam), AdamW (adamw), RMSprop (rmsprop), SGD (sgd)", assertThrows(NnException.class, () -> d.compile(model, REGISTRY)).getMessage());
    }

    @Test
    void badOptimizerSettingsNameTheFile() {
        ModelDefinition d = ModelFiles.parse(withLayers(INPUT + "," + FLATTEN), "m.json").withDefaultCompile()
                .withLearningRate(-1);
        Sequential model = d.build(REGISTRY, BuildContext.seeded(0));
        assertEquals("m.json: training_config: optimizer SGD: 'learning_rate' must be > 0, got -1.0",
                assertThrows(NnException.class, () -> d.compile(model, REGISTRY)).getMessage());
    }
}
