package nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.api.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesReadTest {

    /** What Keras 2.13 writes for a small Sequential model saved after compile, with its extra keys. */
    static final String KERAS2 = """
            {"class_name": "Sequential",
             "config": {"name": "sequential_7", "layers": [
               {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 28, 28], "dtype": "float32",
                 "sparse": false, "ragged": false, "name": "flatten_input"}},
               {"class_name": "Flatten", "config": {"name": "flatten", "trainable": true, "dtype": "float32",
                 "batch_input_shape": [null, 28, 28], "data_format": "channels_last"}},
               {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": "float32", "units": 30,
                 "activation": "relu", "use_bias": false,
                 "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}},
                 "bias_initializer": {"class_name": "Zeros", "config": {}},
                 "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                 "kernel_constraint": null, "bias_constraint": null}},
               {"class_name": "BatchNormalization", "config": {"name": "batch_normalization", "trainable": true,
                 "dtype": "float32", "axis": [1], "momentum": 0.99, "epsilon": 0.001, "center": true, "scale": true,
                 "beta_initializer": {"class_name": "Zeros", "config": {}},
                 "gamma_initializer": {"class_name": "Ones", "config": {}},
                 "moving_mean_initializer": {"class_name": "Zeros", "config": {}},
                 "moving_variance_initializer": {"class_name": "Ones", "config": {}},
                 "beta_regularizer": null, "gamma_regularizer": null, "beta_constraint": null, "gamma_constraint": null}},
               {"class_name": "Dense", "config": {"name": "dense_1", "trainable": true, "dtype": "float32", "units": 10,
                 "activation": "softmax", "use_bias": true}}]},
             "keras_version": "2.13.1", "backend": "tensorflow",
             "training_config": {"loss": {"class_name": "SparseCategoricalCrossentropy",
                 "config": {"reduction": "auto", "name": "sparse_categorical_crossentropy", "from_logits": false}},
               "metrics": [[{"class_name": "MeanMetricWrapper", "config": {"name": "accuracy", "dtype": "float32"}}]],
               "weighted_metrics": null, "loss_weights": null,
               "optimizer_config": {"class_name": "SGD", "config": {"name": "SGD", "learning_rate": 0.01,
                 "decay": 1e-06, "momentum": 0.9, "nesterov": true}}}}
            """;

    static NnException error(String json) {
        return assertThrows(NnException.class, () -> ModelFiles.parse(json, "bad.json"));
    }

    static void assertError(String expected, String json) {
        assertEquals(expected, error(json).getMessage());
    }

    static void assertStartsWith(String prefix, String actual) {
        assertTrue(actual.startsWith(prefix), () -> "expected to start with <" + prefix + ">, was <" + actual + ">");
    }

    /** A model file with these layer entries (JSON text) and nothing else. */
    static String withLayers(String layers) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": [" + layers + "]}}";
    }

    static final String INPUT = "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 28, 28]}}";
    static final String FLATTEN = "{\"class_name\": \"Flatten\", \"config\": {}}";

    @Test
    void readsWhatKeras2Writes() {
        ModelDefinition d = ModelFiles.parse(KERAS2, "keras.json");
        assertEquals("keras.json", d.source());
        assertEquals("sequential_7", d.name());
        assertEquals(Optional.of(Shape.of(28, 28)), d.inputShape());
        assertEquals(List.of("Flatten", "Dense", "BatchNormalization", "Dense"),
                d.layers().stream().map(LayerSpec::className).toList());
        Map<String, Object> dense = d.layers().get(1).config();
        assertEquals(30, dense.get("units"));
        assertEquals(false, dense.get("use_bias"));
        assertTrue(dense.containsKey("kernel_regularizer"));
        assertNull(dense.get("kernel_regularizer"));
        Map<String, Object> seedNull = new LinkedHashMap<>();
        seedNull.put("seed", null);
        assertEquals(Map.of("class_name", "GlorotUniform", "config", seedNull), dense.get("kernel_initializer"));
        assertEquals(List.of(1), d.layers().get(2).config().get("axis"));

        CompileSpec compile = d.compileSpec();
        assertEquals("SGD", compile.optimizer());
        assertEquals(0.01, compile.optimizerConfig().get("learning_rate"));
        assertEquals(1e-6, compile.optimizerConfig().get("decay"));
        assertEquals(true, compile.optimizerConfig().get("nesterov"));
        assertEquals("SparseCategoricalCrossentropy", compile.loss());
        assertEquals(false, compile.lossConfig().get("from_logits"));
        assertEquals(List.of("accuracy"), compile.metrics());
    }

    @Test
    void jsonValuesBecomeConfigValues() {
        ModelDefinition d = ModelFiles.parse(withLayers("{\"class_name\": \"X\", \"config\": {\"i\": 3, \"l\": 12345678901,"
                + " \"d\": 2.0, \"e\": 1e-06, \"n\": null, \"s\": \"a\", \"b\": true, \"list\": [1, [2]],"
                + " \"o\": {\"z\": 1, \"a\": 2}}}"), "x.json");
        Map<String, Object> c = d.layers().get(0).config();
        assertInstanceOf(Integer.class, c.get("i"));
        assertInstanceOf(Long.class, c.get("l"));
        assertEquals(2.0, c.get("d"));
        assertInstanceOf(Double.class, c.get("e"));
        assertTrue(c.containsKey("n"));
        assertNull(c.get("n"));
        assertEquals("a", c.get("s"));
        assertEquals(true, c.get("b"));
        assertEquals(List.of(1, List.of(2)), c.get("list"));
        assertInstanceOf(LinkedHashMap.class, c.get("o"));
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) c.get("o")).keySet()));
    }

    @Test
    void theFirstLayerMayDeclareTheInputShapeItselfAsOlderKerasDoes() {
        ModelDefinition d = ModelFiles.parse(withLayers(
                "{\"class_name\": \"Flatten\", \"config\": {\"batch_input_shape\": [null, 4, 5]}}"), "old.json");
        assertEquals(Optional.of(Shape.of(4, 5)), d.inputShape());
        ModelDefinition plain = ModelFiles.parse(withLayers(
                "{\"class_name\": \"Flatten\", \"config\": {\"input_shape\": [7]}}"), "old.json");
        assertEquals(Optional.of(Shape.of(7)), plain.inputShape());
        assertEquals(Optional.empty(), ModelFiles.parse(withLayers(FLATTEN), "x.json").inputShape());
    }

    @Test
    void withoutTrainingConfigTheDefaultsAreUsedOnlyWhenAskedFor() {
        ModelDefinition d = ModelFiles.parse(withLayers(INPUT + "," + FLATTEN), "plain.json");
        assertFalse(d.compile().isPresent());
        assertEquals("plain.json: has no \"training_config\" (the optimizer, loss and metrics to compile the model with)",
                assertThrows(NnException.class, d::compileSpec).getMessage());
        assertEquals(CompileSpec.tutorial(), d.withDefaultCompile().compileSpec());
        ModelDefinition compiled = ModelFiles.parse(KERAS2, "k.json");
        assertEquals(compiled, compiled.withDefaultCompile());
    }

    @Test
    void rejectsTextThatIsNotJsonWithLineAndColumn() {
        String message = error("{\"class_name\": \"Sequential\",\n \"config\": {\"layers\": [}}").getMessage();
        assertTrue(message.equals("bad.json: not valid JSON (line 2, column 24): Unexpected close marker '}': expected ']'"
                + " (for Array starting at [line: 2, column: 23])"), message);
        assertStartsWith("bad.json: not valid JSON (line 2, column 5): Duplicate field 'a'",
                error("{\"a\": 1,\n \"a\": 2}").getMessage());
        assertStartsWith("bad.json: not valid JSON (line 1, column 4): Trailing token", error("{} {}").getMessage());
        assertError("bad.json: empty; expected a JSON object", "  ");
    }

    @Test
    void rejectsWhatIsNotASequentialModel() {
        assertError("bad.json: must be a JSON object, got [1,2]", "[1, 2]");
        assertError("bad.json: no \"class_name\"; expected a Keras model file with \"class_name\": \"Sequential\"",
                "{\"config\": {}}");
        assertError("bad.json: class_name: only Sequential models are supported, got \"Functional\"",
                "{\"class_name\": \"Functional\", \"config\": {}}");
        assertError("bad.json: class_name: must be a string, got 3", "{\"class_name\": 3}");
        assertError("bad.json: config: missing", "{\"class_name\": \"Sequential\"}");
        assertError("bad.json: config: must be a JSON object, got \"x\"", "{\"class_name\": \"Sequential\", \"config\": \"x\"}");
    }

    @Test
    void rejectsMissingOrEmptyLayers() {
        assertError("bad.json: config: no \"layers\"; a Sequential model needs at least one layer",
                "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\"}}");
        assertError("bad.json: config.layers: is empty; a Sequential model needs at least one layer", withLayers(""));
        assertError("bad.json: config.layers: has no layers besides the InputLayer", withLayers(INPUT));
        assertError("bad.json: config.layers: must be a list, got {}",
                "{\"class_name\": \"Sequential\", \"config\": {\"layers\": {}}}");
    }

    @Test
    void rejectsBadLayerEntries() {
        assertError("bad.json: config.layers[1]: must be a JSON object, got 42", withLayers(INPUT + ", 42"));
        assertError("bad.json: config.layers[2]: a layer needs a \"class_name\", e.g. \"Dense\"",
                withLayers(INPUT + "," + FLATTEN + ", {\"config\": {\"units\": 3}}"));
        assertError("bad.json: config.layers[1].config: must be a JSON object, got [1]",
                withLayers(INPUT + ", {\"class_name\": \"Dense\", \"config\": [1]}"));
        assertError("bad.json: config.layers[2]: an InputLayer may only be the first layer",
                withLayers(INPUT + "," + FLATTEN + "," + INPUT));
    }

    @Test
    void rejectsBadInputShapes() {
        assertError("bad.json: config.layers[0].config.batch_input_shape: must be null (the batch) then the sample's"
                + " dimensions, like [null, 28, 28], got [28,28]",
                withLayers("{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [28, 28]}}," + FLATTEN));
        assertError("bad.json: config.layers[0].config.batch_input_shape: dimensions must be positive whole numbers,"
                + " got [null,0,28]",
                withLayers("{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 0, 28]}}," + FLATTEN));
        assertError("bad.json: config.layers[0].config.batch_input_shape: missing",
                withLayers("{\"class_name\": \"InputLayer\", \"config\": {}}," + FLATTEN));
        assertError("bad.json: config.layers[1].config.batch_input_shape: input shape (784,) disagrees with the"
                + " InputLayer's (28, 28)",
                withLayers(INPUT + ", {\"class_name\": \"Flatten\", \"config\": {\"batch_input_shape\": [null, 784]}}"));
    }

    @Test
    void rejectsIncompleteTrainingConfig() {
        String model = "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [" + FLATTEN + "]}, \"training_config\": ";
        String sgd = "\"optimizer_config\": {\"class_name\": \"SGD\", \"config\": {}}";
        assertError("bad.json: training_config.loss: missing", model + "{" + sgd + "}}");
        assertError("bad.json: training_config.optimizer_config: missing", model + "{\"loss\": \"mse\"}}");
        assertError("bad.json: training_config.loss: must be a name or {\"class_name\": ..., \"config\": {...}}, got 3",
                model + "{\"loss\": 3, " + sgd + "}}");
        assertError("bad.json: training_config.optimizer_config.class_name: missing",
                model + "{\"loss\": \"mse\", \"optimizer_config\": {\"config\": {}}}}");
        assertError("bad.json: training_config.metrics: must be a list, got \"accuracy\"",
                model + "{\"loss\": \"mse\", \"metrics\": \"accuracy\", " + sgd + "}}");
        assertError("bad.json: training_config: must be a JSON object, got true", model + "true}");
    }

    @Test
    void aNullMetricsListMeansNoMetrics() {
        ModelDefinition d = ModelFiles.parse("{\"class_name\": \"Sequential\", \"config\": {\"layers\": [" + FLATTEN
                + "]}, \"training_config\": {\"loss\": \"mse\", \"metrics\": null, \"optimizer_config\": "
                + "{\"class_name\": \"Adam\"}}}", "x.json");
        assertEquals(new CompileSpec("Adam", Map.of(), "mse", Map.of(), List.of()), d.compileSpec());
    }

    @Test
    void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, KERAS2);
        assertEquals(file.toString(), ModelFiles.read(file).source());
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file",
                assertThrows(NnException.class, () -> ModelFiles.read(missing)).getMessage());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{");
        assertStartsWith(broken + ": not valid JSON (line 1, column 2)",
                assertThrows(NnException.class, () -> ModelFiles.read(broken)).getMessage());
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertEquals(binary + ": not a text file (not UTF-8)",
                assertThrows(NnException.class, () -> ModelFiles.read(binary)).getMessage());
    }
}
