package nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nn.api.ElementwiseOptimizer;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import nn.testkit.RangeCuttingKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in optimizer updates each weight from its own values only, so a step cut into
 * ranges (as the model's kernel threads run it) gives the bits of the uncut step: weights and slots.
 */
class CutUpdatesTest {

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD, Nesterov, decay", (Supplier<ElementwiseOptimizer>) () -> new SGD(0.01f, 0.9f, true, 1e-3f)),
                Arguments.of("SGD", (Supplier<ElementwiseOptimizer>) () -> new SGD(0.1f)),
                Arguments.of("Adam, amsgrad", (Supplier<ElementwiseOptimizer>) () -> new Adam(0.001f, 0.9f, 0.999f, 1e-7f, true, 0f)),
                Arguments.of("AdamW", (Supplier<ElementwiseOptimizer>) AdamW::new),
                Arguments.of("RMSprop, momentum, centered",
                        (Supplier<ElementwiseOptimizer>) () -> new RMSprop(0.001f, 0.9f, 0.5f, 1e-7f, true, 0f)),
                Arguments.of("RMSprop", (Supplier<ElementwiseOptimizer>) RMSprop::new),
                Arguments.of("Adagrad", (Supplier<ElementwiseOptimizer>) Adagrad::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aStepCutIntoRangesEqualsTheWholeStepBitForBit(String name, Supplier<ElementwiseOptimizer> make) {
        RangeCuttingKernels cutting = new RangeCuttingKernels(7);
        assertStepsEqualWholeApplies(name, make, (optimizer, variables) -> optimizer.apply(variables, cutting.kernels()));
        assertTrue(cutting.sizes().contains(1000), "the kernel variable went through forEachRange: " + cutting.sizes());
    }

    /**
     * A step whose kernel is updated early, in ranges, during the backward pass (EarlyUpdates), the
     * rest by an apply over the other variables, equals one apply over all: weights, slots, count.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void rangesUpdatedEarlyThenAnApplyOfTheRestEqualOneApply(String name, Supplier<ElementwiseOptimizer> make) {
        assertStepsEqualWholeApplies(name, make, (optimizer, variables) -> {
            optimizer.build(variables);
            Variable kernel = variables.get(0);
            for (int to = kernel.size(); to > 0; to -= 300) {
                optimizer.updateEarly(kernel, Math.max(0, to - 300), to);
            }
            optimizer.apply(variables.subList(1, variables.size()));
        });
    }

    /** Three steps taken by {@code step} leave the weights, slots (in order) and count of three applies. */
    private static void assertStepsEqualWholeApplies(String name, Supplier<ElementwiseOptimizer> make,
            BiConsumer<ElementwiseOptimizer, List<Variable>> step) {
        List<Variable> whole = variables();
        List<Variable> other = variables();
        ElementwiseOptimizer wholeSteps = make.get();
        ElementwiseOptimizer otherSteps = make.get();
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 3; t++) {
            for (int v = 0; v < whole.size(); v++) {
                float[] gradient = randomValues(whole.get(v).size(), random);
                System.arraycopy(gradient, 0, whole.get(v).gradient().data, 0, gradient.length);
                System.arraycopy(gradient, 0, other.get(v).gradient().data, 0, gradient.length);
            }
            wholeSteps.apply(whole);
            step.accept(otherSteps, other);
        }
        for (int v = 0; v < whole.size(); v++) {
            assertArrayEquals(whole.get(v).value().data, other.get(v).value().data, name + ", " + whole.get(v).path());
        }
        Map<String, FMatrixRMaj> expectedSlots = wholeSteps.slots();
        Map<String, FMatrixRMaj> actualSlots = otherSteps.slots();
        assertEquals(List.copyOf(expectedSlots.keySet()), List.copyOf(actualSlots.keySet()), name + ", slot order");
        expectedSlots.forEach((key, slot) -> assertArrayEquals(slot.data, actualSlots.get(key).data, name + ", " + key));
        assertEquals(wholeSteps.iterations(), otherSteps.iterations());
    }

    @Test
    void anEarlyUpdateNeedsTheVariablesSlotsAndARangeInside() {
        List<Variable> variables = variables();
        SGD sgd = new SGD(0.01f, 0.9f, true, 0f);
        NnException unbuilt = assertThrows(NnException.class, () -> sgd.updateEarly(variables.get(0), 0, 10));
        assertTrue(unbuilt.getMessage().contains("dense/kernel:0"), unbuilt.getMessage());
        sgd.build(variables);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> sgd.updateEarly(variables.get(1), 30, 40));
        assertTrue(outside.getMessage().contains("dense/bias:0") && outside.getMessage().contains("37"), outside.getMessage());
    }

    private static List<Variable> variables() {
        SplittableRandom random = new SplittableRandom(3);
        Variable kernel = new Variable("dense/kernel:0", Shape.of(40, 25), true);
        kernel.assign(randomValues(1000, random));
        Variable bias = new Variable("dense/bias:0", Shape.of(37), true);
        bias.assign(randomValues(37, random));
        return List.of(kernel, bias);
    }

    private static float[] randomValues(int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
