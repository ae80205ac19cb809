package nn.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.Layer;
import nn.api.LayerProvider;
import nn.api.NnException;
import nn.api.Resolver;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * The one harness every layer passes through, after Keras's {@code run_layer_test}. Given a
 * provider, a configuration and an input shape it checks: type and output shape; trainable and
 * non-trainable weight counts and their Keras paths; finite outputs, also for a batch of one;
 * configuration round trip (same config, same weights, same outputs); a clear error for inputs of
 * the wrong size; finite-difference gradients for the input and every trainable weight; that a
 * training step changes every trainable weight while backward and the step leave the others alone;
 * and that a frozen layer has no trainable weights.
 *
 * <pre>{@code
 * LayerTestKit.of(new DenseProvider()).config(Map.of("units", 3)).inputShape(4)
 *         .expectOutputShape(3).expectWeights(2, 0).run();
 * }</pre>
 */
public final class LayerTestKit {
    private static final long SEED = 7;
    private static final float LEARNING_RATE = 0.1f;

    private final LayerProvider provider;
    private Map<String, Object> config = Map.of();
    private Shape inputShape;
    private Shape expectedOutputShape;
    private int expectedTrainable = -1;
    private int expectedNonTrainable = -1;
    private int batchSize = 4;
    private float inputScale = 1f;
    private float inputOffset = 0f;
    private String gradientCheckSkipReason;
    private Resolver resolver;

    private LayerTestKit(LayerProvider provider) {
        this.provider = provider;
    }

    public static LayerTestKit of(LayerProvider provider) {
        return new LayerTestKit(provider);
    }

    public LayerTestKit config(Map<String, ?> config) {
        this.config = new LinkedHashMap<>(config);
        return this;
    }

    public LayerTestKit inputShape(int... dims) {
        this.inputShape = Shape.of(dims);
        return this;
    }

    public LayerTestKit expectOutputShape(int... dims) {
        this.expectedOutputShape = Shape.of(dims);
        return this;
    }

    /** Expected numbers of trainable and non-trainable weight variables (not parameters). */
    public LayerTestKit expectWeights(int trainable, int nonTrainable) {
        this.expectedTrainable = trainable;
        this.expectedNonTrainable = nonTrainable;
        return this;
    }

    public LayerTestKit batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Inputs are standard normal times {@code scale} plus {@code offset}. */
    public LayerTestKit inputs(float scale, float offset) {
        this.inputScale = scale;
        this.inputOffset = offset;
        return this;
    }

    /**
     * How the layer's configuration resolves names such as {@code activation: "relu"}; by default
     * the activations {@link java.util.ServiceLoader} finds from nn.api (so a plugin's tests see
     * nn-core's only if nn-core is a test dependency). E.g. {@code PluginRegistry.of(...)}.
     */
    public LayerTestKit resolver(Resolver resolver) {
        this.resolver = resolver;
        return this;
    }

    /** For layers whose training forward is random (Dropout); the reason is printed. */
    public LayerTestKit skipGradientCheck(String reason) {
        this.gradientCheckSkipReason = reason;
        return this;
    }

    public void run() {
        assertNotNull(inputShape, "LayerTestKit: set inputShape(...) before run()");
        Layer layer = createAndBuild(config);
        checkShapesAndWeights(layer);
        checkFiniteOutputs(layer);
        checkConfigRoundTrip(layer);
        checkWrongInputSize(layer);
        if (gradientCheckSkipReason == null) {
            checkGradients(createAndBuild(config));
        } else {
            System.out.println("LayerTestKit: gradient check of " + provider.name() + " skipped: " + gradientCheckSkipReason);
        }
        checkTrainingStep(createAndBuild(config));
        checkFrozen();
    }

    private Layer createAndBuild(Map<String, Object> values) {
        Config config = Config.of("layer " + provider.name(), values);
        Layer layer = provider.create(resolver == null ? config : config.withResolver(resolver));
        layer.build(inputShape, BuildContext.seeded(SEED));
        return layer;
    }

    private FMatrixRMaj input(int rows) {
        return RandomMatrices.normal(rows, inputShape.size(), inputScale, inputOffset, SEED + rows);
    }

    private void checkShapesAndWeights(Layer layer) {
        assertEquals(provider.name(), layer.type(), "layer type should be the provider's name");
        assertTrue(layer.isBuilt(), "layer should be built");
        assertEquals(inputShape, layer.inputShape(), "input shape");
        if (expectedOutputShape != null) {
            assertEquals(expectedOutputShape, layer.outputShape(), "output shape");
        }
        if (expectedTrainable >= 0) {
            assertEquals(expectedTrainable, layer.trainableWeights().size(), "number of trainable weights");
            assertEquals(expectedNonTrainable, layer.nonTrainableWeights().size(), "number of non-trainable weights");
        }
        assertEquals(layer.weights().size(), layer.trainableWeights().size() + layer.nonTrainableWeights().size(),
                "every weight is either trainable or not");
        var paths = new HashSet<String>();
        for (Variable v : layer.weights()) {
            assertTrue(v.path().startsWith(layer.name() + "/") && v.path().endsWith(":0"),
                    () -> "weight path " + v.path() + " should read <layer>/<weight>:0");
            assertTrue(paths.add(v.path()), () -> "duplicate weight path " + v.path());
            assertEquals(v.shape().size(), v.value().getNumElements(), () -> v.path() + " storage size");
        }
        assertEquals(layer.weights().stream().mapToInt(Variable::size).sum(), layer.countParams(), "countParams");
    }

    private void checkFiniteOutputs(Layer layer) {
        for (boolean training : new boolean[] {false, true}) {
            FMatrixRMaj y = layer.forward(input(batchSize), training);
            assertEquals(batchSize, y.numRows, "output rows = batch size");
            assertEquals(layer.outputShape().size(), y.numCols, "output columns = output shape size");
            assertFinite(y, "output (training=" + training + ")");
        }
        FMatrixRMaj single = layer.forward(input(1), true);
        assertEquals(1, single.numRows, "a batch of one gives one row");
        assertFinite(single, "output of a training batch of one row");
        for (Variable v : layer.weights()) {
            assertFinite(v.value(), v.path() + " after a training batch of one row");
        }
    }

    private void checkConfigRoundTrip(Layer layer) {
        Map<String, Object> saved = layer.config();
        Layer copy = createAndBuild(saved);
        Layer original = createAndBuild(config);
        assertEquals(saved, copy.config(), "config round trip: create(config()) gives the same config");
        assertEquals(original.weights().size(), copy.weights().size(), "config round trip: weight count");
        for (int i = 0; i < original.weights().size(); i++) {
            assertEquals(original.weights().get(i).path(), copy.weights().get(i).path(), "config round trip: weight path");
            assertArrayEquals(original.weights().get(i).value().data, copy.weights().get(i).value().data,
                    "config round trip: same seed gives the same " + original.weights().get(i).path());
        }
        FMatrixRMaj x = input(batchSize);
        assertArrayEquals(original.forward(x, false).data, copy.forward(x, false).data, 0f,
                "config round trip: same inference outputs");
    }

    private void checkWrongInputSize(Layer layer) {
        FMatrixRMaj wrong = new FMatrixRMaj(batchSize, inputShape.size() + 1);
        NnException e = assertThrows(NnException.class, () -> layer.forward(wrong, false),
                "an input of the wrong size must fail with an NnException");
        assertTrue(e.getMessage().contains(layer.name()), () -> "the error should name the layer: " + e.getMessage());
    }

    private void checkGradients(Layer layer) {
        FMatrixRMaj x = input(batchSize);
        FMatrixRMaj r = RandomMatrices.normal(batchSize, layer.outputShape().size(), SEED + 100);
        layer.forward(x, true);
        float[] inputGradient = layer.backward(r, true).data.clone();
        List<float[]> weightGradients = new ArrayList<>();
        for (Variable v : layer.trainableWeights()) {
            weightGradients.add(v.gradient().data.clone());
        }
        layer.forward(x, true);
        layer.backward(r, false);
        for (int i = 0; i < weightGradients.size(); i++) {
            Variable v = layer.trainableWeights().get(i);
            assertArrayEquals(weightGradients.get(i), v.gradient().data, 0f,
                    v.path() + ": the gradient must not depend on whether the input gradient is needed");
        }
        java.util.function.DoubleSupplier loss = () -> dot(layer.forward(x, true), r);
        GradientCheck.assertGradient(provider.name() + " input gradient", x.data, inputGradient, x.data.length, loss);
        for (int i = 0; i < weightGradients.size(); i++) {
            Variable v = layer.trainableWeights().get(i);
            GradientCheck.assertGradient(v.path() + " gradient", v.value().data, weightGradients.get(i), v.size(), loss);
        }
    }

    private void checkTrainingStep(Layer layer) {
        FMatrixRMaj x = input(batchSize);
        FMatrixRMaj r = RandomMatrices.normal(batchSize, layer.outputShape().size(), SEED + 200);
        List<float[]> before = snapshot(layer.trainableWeights());
        layer.forward(x, true);
        List<float[]> nonTrainableAfterForward = snapshot(layer.nonTrainableWeights());
        layer.backward(r, true);
        for (Variable v : layer.trainableWeights()) {
            float[] w = v.value().data;
            float[] g = v.gradient().data;
            for (int i = 0; i < v.size(); i++) {
                w[i] -= LEARNING_RATE * g[i];
            }
        }
        for (int i = 0; i < before.size(); i++) {
            Variable v = layer.trainableWeights().get(i);
            assertFalse(java.util.Arrays.equals(before.get(i), v.value().data),
                    () -> "a training step should change the trainable weight " + v.path());
        }
        assertSnapshot(nonTrainableAfterForward, layer.nonTrainableWeights(),
                "backward and the optimizer step must not change the non-trainable weight ");
        List<float[]> all = snapshot(layer.weights());
        layer.forward(x, false);
        assertSnapshot(all, layer.weights(), "an inference forward pass must not change the weight ");
    }

    private void checkFrozen() {
        Map<String, Object> frozenConfig = new LinkedHashMap<>(config);
        frozenConfig.put("trainable", false);
        Layer frozen = createAndBuild(frozenConfig);
        assertFalse(frozen.isTrainable(), "trainable=false in the config freezes the layer");
        assertTrue(frozen.trainableWeights().isEmpty(), "a frozen layer has no trainable weights");
        assertEquals(frozen.weights(), frozen.nonTrainableWeights(), "a frozen layer's weights are all non-trainable");
        assertEquals(false, frozen.config().get("trainable"), "config of a frozen layer says trainable=false");
    }

    private static List<float[]> snapshot(List<Variable> variables) {
        return variables.stream().map(v -> v.value().data.clone()).toList();
    }

    private static void assertSnapshot(List<float[]> expected, List<Variable> variables, String message) {
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), variables.get(i).value().data, 0f, message + variables.get(i).path());
        }
    }

    private static double dot(FMatrixRMaj a, FMatrixRMaj b) {
        double sum = 0;
        for (int i = 0; i < b.getNumElements(); i++) {
            sum += (double) a.data[i] * b.data[i];
        }
        return sum;
    }

    /** Asserts that every element is finite (no NaN, no infinity). */
    public static void assertFinite(FMatrixRMaj m, String what) {
        for (int i = 0; i < m.getNumElements(); i++) {
            float v = m.data[i];
            assertTrue(Float.isFinite(v), () -> what + " has a non-finite value " + v);
        }
    }
}
