package nn.io;

import static nn.io.ModelFilesReadTest.INPUT;
import static nn.io.ModelFilesReadTest.withLayers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.junit.jupiter.api.Test;

class ModelDefinitionTweaksTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();

    static List<Object> activations(ModelDefinition d) {
        return d.layers().stream().map(l -> l.config().get("activation")).toList();
    }

    @Test
    void hiddenActivationReplacesActivationLayersAndNonLinearHiddenDenses() {
        ModelDefinition before = ModelFiles.preset("bn-before");
        ModelDefinition elu = before.withHiddenActivation("elu");
        assertEquals(java.util.Arrays.asList(null, "linear", null, "elu", "linear", null, "elu", "linear", null,
                "elu", "softmax"), activations(elu));
        assertEquals(java.util.Arrays.asList(null, "linear", null, "relu", "linear", null, "relu", "linear", null,
                "relu", "softmax"), activations(before));

        assertEquals(java.util.Arrays.asList(null, "tanh", "tanh", "tanh", "softmax"),
                activations(ModelFiles.preset("no-bn").withHiddenActivation("tanh")));
        assertEquals(java.util.Arrays.asList(null, "gelu", null, "gelu", null, "gelu", null, "softmax"),
                activations(ModelFiles.preset("bn-after").withHiddenActivation("gelu")));
    }

    /** nn bench --growth: the hidden Dense layers wider, the output layer as it was. */
    @Test
    void hiddenWidthScaleWidensEveryDenseButTheOutput() {
        Sequential model = ModelFiles.preset("bn-before").withHiddenWidthScale(2).build(REGISTRY, BuildContext.seeded(0));
        assertEquals(List.of(600, 400, 200, 10), model.layers().stream().filter(l -> l.type().equals("Dense"))
                .map(l -> l.outputShape().size()).toList());
        assertThrows(NnException.class, () -> ModelFiles.preset("bn-before").withHiddenWidthScale(0));
    }

    @Test
    void anOutputActivationLayerKeepsItsActivation() {
        ModelDefinition d = ModelFiles.parse(withLayers(INPUT + ", {\"class_name\": \"Flatten\"},"
                + " {\"class_name\": \"Dense\", \"config\": {\"units\": 5, \"activation\": {\"class_name\": \"relu\"}}},"
                + " {\"class_name\": \"Dense\", \"config\": {\"units\": 3}},"
                + " {\"class_name\": \"Activation\", \"config\": {\"activation\": \"softmax\"}}"), "m.json");
        assertEquals(java.util.Arrays.asList(null, "elu", null, "softmax"),
                activations(d.withHiddenActivation("elu")));
        Sequential model = d.withHiddenActivation("elu").build(REGISTRY, BuildContext.seeded(0));
        assertEquals("elu", model.layer(1).config().get("activation"));
    }

    @Test
    void learningRateAndOptimizerAreSwappedInCopies() {
        ModelDefinition d = ModelFiles.preset("bn-before");
        ModelDefinition faster = d.withLearningRate(0.05);
        assertEquals(0.05, faster.compileSpec().optimizerConfig().get("learning_rate"));
        assertEquals(0.9, faster.compileSpec().optimizerConfig().get("momentum"));
        assertEquals(0.01, d.compileSpec().optimizerConfig().get("learning_rate"));

        ModelDefinition adam = d.withOptimizer("Adam", Map.of("learning_rate", 0.001)).withLearningRate(0.002);
        Sequential model = adam.build(REGISTRY, BuildContext.seeded(0));
        adam.compile(model, REGISTRY);
        assertEquals("Adam", model.optimizer().type());
        assertEquals(0.002, model.optimizer().config().get("learning_rate"));
        assertEquals("sparse_categorical_crossentropy", model.loss().name());
    }

    @Test
    void theOldSpellingLrIsReplaced() {
        CompileSpec spec = new CompileSpec("SGD", Map.of("lr", 0.1, "momentum", 0.5), "mse", Map.of(), List.of());
        assertEquals(Map.of("learning_rate", 0.3, "momentum", 0.5), spec.withLearningRate(0.3).optimizerConfig());
    }

    @Test
    void compileTweaksNeedCompileSettings() {
        ModelDefinition d = ModelFiles.parse(withLayers(INPUT + ", {\"class_name\": \"Flatten\"}"), "plain.json");
        assertEquals("plain.json: has no \"training_config\" (the optimizer, loss and metrics to compile the model with)",
                assertThrows(NnException.class, () -> d.withLearningRate(0.1)).getMessage());
        assertEquals(0.1, d.withDefaultCompile().withLearningRate(0.1).compileSpec().optimizerConfig().get("learning_rate"));
    }
}
