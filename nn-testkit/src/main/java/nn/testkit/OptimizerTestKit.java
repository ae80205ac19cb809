package nn.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nn.api.Config;
import nn.api.ElementwiseOptimizer;
import nn.api.Kernels;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.OptimizerProvider;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;

/**
 * The harness every optimizer, built-in or plugin, passes through. Given a provider and a
 * configuration it checks: the type is the provider's name; {@code build} creates the slots
 * {@code <variable path>/<slot>} (the names you expect) for each trainable variable, shaped like
 * it, and none for a non-trainable one, which every step leaves alone; each step counts one
 * iteration; configuration round trip (same config, same steps bit for bit); the steps you computed
 * by hand; and that saving mid-training (the slots and the iteration count, copied out) and
 * resuming into a new optimizer continues exactly as the original; and that a step cut into ranges
 * of weights (as the model's kernel threads may run it) gives the bits of the whole step.
 *
 * <pre>{@code
 * OptimizerTestKit.of(new LionProvider()).config(Map.of("learning_rate", 0.1))
 *         .expectSlots("momentum")
 *         .weights(1f, -2f, 0.5f)
 *         .step(new float[] {0.5f, -1f, 0f}, new float[] {0.9f, -1.9f, 0.5f})
 *         .run();
 * }</pre>
 */
public final class OptimizerTestKit {
    private static final long SEED = 11;
    private static final int STEPS = 3;

    private final OptimizerProvider provider;
    private Map<String, Object> config = Map.of();
    private List<String> expectedSlots;
    private float[] weights;
    private final List<float[][]> steps = new ArrayList<>();
    private float tolerance = 1e-6f;

    private OptimizerTestKit(OptimizerProvider provider) {
        this.provider = provider;
    }

    public static OptimizerTestKit of(OptimizerProvider provider) {
        return new OptimizerTestKit(provider);
    }

    public OptimizerTestKit config(Map<String, ?> config) {
        this.config = new LinkedHashMap<>(config);
        return this;
    }

    /** The slot names each trainable variable gets, e.g. {@code "m", "v"}; none at all for plain SGD. */
    public OptimizerTestKit expectSlots(String... names) {
        this.expectedSlots = List.of(names);
        return this;
    }

    /** The starting values of the variable that {@link #step} updates. */
    public OptimizerTestKit weights(float... values) {
        this.weights = values.clone();
        return this;
    }

    /** One more step from the previous one: its gradient, and the weights you computed by hand after it. */
    public OptimizerTestKit step(float[] gradient, float[] expectedWeights) {
        steps.add(new float[][] {gradient.clone(), expectedWeights.clone()});
        return this;
    }

    /** Accepted error of the hand-computed weights, relative to max(1, |expected|); 1e-6 unless set. */
    public OptimizerTestKit tolerance(float tolerance) {
        this.tolerance = tolerance;
        return this;
    }

    public void run() {
        Optimizer optimizer = create(config);
        assertEquals(provider.name(), optimizer.type(), "optimizer type should be the provider's name");
        checkSlots(optimizer);
        checkSlotsWithoutBuild();
        checkSteps();
        checkConfigRoundTrip();
        checkHandComputedSteps();
        checkSaveAndResume();
        checkCutSteps();
        checkEarlyUpdates();
    }

    private Optimizer create(Map<String, Object> values) {
        return provider.create(Config.of("optimizer " + provider.name(), values));
    }

    /** A 2 x 3 kernel, a bias of 3 (trainable) and a non-trainable moving mean of 3, all random. */
    private static List<Variable> variables(long seed) {
        List<Variable> variables = List.of(new Variable("layer/kernel:0", Shape.of(2, 3), true),
                new Variable("layer/bias:0", Shape.of(3), true),
                new Variable("layer/moving_mean:0", Shape.of(3), false));
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            v.assign(RandomMatrices.normal(1, v.size(), seed + i).data);
        }
        return variables;
    }

    /** Random gradients for the trainable variables (others have none). */
    private static void setGradients(List<Variable> variables, long seed) {
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            if (v.trainable()) {
                System.arraycopy(RandomMatrices.normal(1, v.size(), seed * 31 + i).data, 0, v.gradient().data, 0,
                        v.size());
            }
        }
    }

    private void checkSlots(Optimizer optimizer) {
        List<Variable> variables = variables(SEED);
        optimizer.build(variables);
        Map<String, FMatrixRMaj> slots = optimizer.slots();
        assertSlotsFit(slots, variables);
        optimizer.build(variables);
        assertEquals(slots.keySet(), optimizer.slots().keySet(), "building again adds no slots");
    }

    private void assertSlotsFit(Map<String, FMatrixRMaj> slots, List<Variable> variables) {
        Set<String> names = null;
        for (Variable v : variables) {
            Set<String> own = new TreeSet<>();
            slots.forEach((key, value) -> {
                if (key.startsWith(v.path() + "/")) {
                    own.add(key.substring(v.path().length() + 1));
                    assertEquals(v.value().numRows, value.numRows, () -> "slot " + key + " rows");
                    assertEquals(v.value().numCols, value.numCols, () -> "slot " + key + " columns");
                }
            });
            if (!v.trainable()) {
                assertTrue(own.isEmpty(), () -> "the non-trainable " + v.path() + " must get no slots, got " + own);
                continue;
            }
            if (names != null) {
                assertEquals(names, own, "every trainable variable gets the same slots");
            }
            names = own;
        }
        int trainable = (int) variables.stream().filter(Variable::trainable).count();
        assertEquals(names.size() * trainable, slots.size(), () -> "every slot key reads <variable path>/<slot>: "
                + slots.keySet());
        if (expectedSlots != null) {
            assertEquals(new TreeSet<>(expectedSlots), names, "slot names");
        }
    }

    private void checkSlotsWithoutBuild() {
        Optimizer optimizer = create(config);
        List<Variable> variables = variables(SEED);
        setGradients(variables, 1);
        optimizer.apply(variables);
        assertSlotsFit(optimizer.slots(), variables);
    }

    private void checkSteps() {
        Optimizer optimizer = create(config);
        List<Variable> variables = variables(SEED);
        optimizer.build(variables);
        List<float[]> before = values(variables);
        for (int t = 1; t <= STEPS; t++) {
            setGradients(variables, t);
            optimizer.apply(variables);
            assertEquals(t, optimizer.iterations(), "each step counts one iteration");
        }
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            if (v.trainable()) {
                int index = i;
                assertFalse(Arrays.equals(before.get(i), v.value().data),
                        () -> "steps should change the trainable " + v.path() + " (was " + before.get(index)[0] + ")");
            } else {
                assertArrayEquals(before.get(i), v.value().data, 0f, "a step must leave the non-trainable " + v.path()
                        + " alone");
            }
            assertFinite(v);
        }
        optimizer.apply(List.of());
        assertEquals(STEPS + 1, optimizer.iterations(), "a step counts even with no variables, as Keras's does");
        assertThrows(NnException.class, () -> optimizer.setIterations(-1), "iterations must be >= 0");
    }

    private void checkConfigRoundTrip() {
        Optimizer original = create(config);
        Map<String, Object> saved = original.config();
        Optimizer copy = create(saved);
        assertEquals(saved, copy.config(), "config round trip: create(config()) gives the same config");
        List<Variable> a = variables(SEED);
        List<Variable> b = variables(SEED);
        for (int t = 1; t <= STEPS; t++) {
            setGradients(a, t);
            setGradients(b, t);
            original.apply(a);
            copy.apply(b);
        }
        assertSameValues(a, b, "config round trip: the same steps give the same ");
    }

    private void checkHandComputedSteps() {
        if (steps.isEmpty()) {
            return;
        }
        assertNotNull(weights, "OptimizerTestKit: set weights(...) before step(...)");
        Optimizer optimizer = create(config);
        Variable v = new Variable("dense/kernel:0", Shape.of(weights.length), true);
        v.assign(weights);
        for (int s = 0; s < steps.size(); s++) {
            float[] gradient = steps.get(s)[0];
            float[] expected = steps.get(s)[1];
            System.arraycopy(gradient, 0, v.gradient().data, 0, gradient.length);
            optimizer.apply(List.of(v));
            for (int i = 0; i < expected.length; i++) {
                float delta = tolerance * Math.max(1f, Math.abs(expected[i]));
                assertEquals(expected[i], v.value().data[i], delta, "weight " + i + " after step " + (s + 1));
            }
        }
    }

    /** What nn's model archive does: copy the slots and the iteration count out, then into a new optimizer. */
    private void checkSaveAndResume() {
        Optimizer original = create(config);
        List<Variable> trained = variables(SEED);
        for (int t = 1; t <= STEPS; t++) {
            setGradients(trained, t);
            original.apply(trained);
        }
        Map<String, float[]> savedSlots = new LinkedHashMap<>();
        original.slots().forEach((key, value) -> savedSlots.put(key, value.data.clone()));
        long savedIterations = original.iterations();

        Optimizer resumed = create(original.config());
        List<Variable> restored = variables(SEED);
        for (int i = 0; i < restored.size(); i++) {
            restored.get(i).assign(trained.get(i).value().data);
        }
        resumed.build(restored);
        Map<String, FMatrixRMaj> live = resumed.slots();
        assertEquals(savedSlots.keySet(), live.keySet(), "a resumed optimizer has the saved slots after build");
        savedSlots.forEach((key, data) -> System.arraycopy(data, 0, live.get(key).data, 0, data.length));
        resumed.setIterations(savedIterations);

        for (int t = STEPS + 1; t <= 2 * STEPS; t++) {
            setGradients(trained, t);
            setGradients(restored, t);
            original.apply(trained);
            resumed.apply(restored);
        }
        assertSameValues(trained, restored, "resuming from saved slots and iterations continues exactly: ");
        assertEquals(original.iterations(), resumed.iterations(), "iterations after resuming");
        original.slots().forEach((key, value) -> assertArrayEquals(value.data, resumed.slots().get(key).data, 0f,
                "resumed slot " + key + " (slots() must return the live matrices)"));
    }

    /**
     * A step that the model's kernels cut into ranges (for an {@link nn.api.ElementwiseOptimizer},
     * between their threads) gives the bits of the whole step: here ranges of 2 weights, last first.
     */
    private void checkCutSteps() {
        Optimizer whole = create(config);
        Optimizer cut = create(config);
        List<Variable> wholeVariables = variables(SEED);
        List<Variable> cutVariables = variables(SEED);
        Kernels cutting = new RangeCuttingKernels(2).kernels();
        for (int t = 1; t <= STEPS; t++) {
            setGradients(wholeVariables, t);
            setGradients(cutVariables, t);
            whole.apply(wholeVariables);
            cut.apply(cutVariables, cutting);
        }
        for (int i = 0; i < wholeVariables.size(); i++) {
            assertArrayEquals(wholeVariables.get(i).value().data, cutVariables.get(i).value().data,
                    "a step cut into ranges of weights gives the whole step's bits: " + wholeVariables.get(i).path());
        }
        whole.slots().forEach((key, value) -> assertArrayEquals(value.data, cut.slots().get(key).data,
                "slot " + key + " after steps cut into ranges"));
    }

    /**
     * For an {@link ElementwiseOptimizer}: a step whose kernel is updated early (during the backward
     * pass, ranges of 2 weights, last first) and the rest by an apply gives the bits of one apply.
     */
    private void checkEarlyUpdates() {
        if (!(create(config) instanceof ElementwiseOptimizer)) {
            return;
        }
        Optimizer whole = create(config);
        ElementwiseOptimizer early = (ElementwiseOptimizer) create(config);
        List<Variable> wholeVariables = variables(SEED);
        List<Variable> earlyVariables = variables(SEED);
        Variable kernel = earlyVariables.get(0);
        for (int t = 1; t <= STEPS; t++) {
            setGradients(wholeVariables, t);
            setGradients(earlyVariables, t);
            whole.apply(wholeVariables);
            early.build(earlyVariables);
            for (int to = kernel.size(); to > 0; to -= 2) {
                early.updateEarly(kernel, Math.max(0, to - 2), to);
            }
            early.apply(earlyVariables.subList(1, earlyVariables.size()));
        }
        assertSameValues(wholeVariables, earlyVariables, "a kernel updated early, the rest by apply, gives one apply's bits: ");
        whole.slots().forEach((key, value) -> assertArrayEquals(value.data, early.slots().get(key).data,
                "slot " + key + " after steps with early updates"));
        assertEquals(whole.iterations(), early.iterations(), "early updates count no step of their own");
    }

    private static List<float[]> values(List<Variable> variables) {
        return variables.stream().map(v -> v.value().data.clone()).toList();
    }

    private static void assertSameValues(List<Variable> expected, List<Variable> actual, String message) {
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).value().data, actual.get(i).value().data, 0f,
                    message + expected.get(i).path());
        }
    }

    private static void assertFinite(Variable v) {
        for (float value : v.value().data) {
            assertTrue(Float.isFinite(value), () -> v.path() + " has a non-finite value after steps: " + value);
        }
    }
}
