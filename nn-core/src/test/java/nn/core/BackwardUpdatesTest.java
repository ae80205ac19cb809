package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nn.api.EjmlKernels;
import nn.api.Shape;
import nn.api.Variable;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Training steps whose first kernel is updated during the backward pass give the bits of steps updated after it. */
class BackwardUpdatesTest {

    private static Sequential model(long seed) {
        Sequential model = new Sequential(seed).add(new Flatten(2, 3)).add(new Dense(5, "relu", false))
                .add(new Dense(4, "relu", true)).add(new Dense(3, "softmax", true));
        model.compile(new ElementwiseMomentum(0.1, 0.01), new SparseCategoricalCrossentropy());
        return model;
    }

    @Test
    void stepsWithTheFirstKernelUpdatedEarlyEqualGradientsThenOneApply() {
        try (Sequential early = model(3); Sequential after = model(3)) {
            for (int step = 0; step < 5; step++) {
                FMatrixRMaj x = RandomMatrices.normal(7, 6, 100 + step);
                FMatrixRMaj y = new FMatrixRMaj(7, 1);
                for (int i = 0; i < 7; i++) {
                    y.data[i] = (i + step) % 3;
                }
                early.trainOnBatch(x, y);
                after.computeGradients(x, y);
                after.applyGradients();
            }
            List<Variable> expected = after.weights();
            List<Variable> actual = early.weights();
            for (int v = 0; v < expected.size(); v++) {
                assertArrayEquals(expected.get(v).value().data, actual.get(v).value().data, expected.get(v).path());
            }
            Map<String, FMatrixRMaj> expectedSlots = after.optimizer().slots();
            Map<String, FMatrixRMaj> actualSlots = early.optimizer().slots();
            assertEquals(List.copyOf(expectedSlots.keySet()), List.copyOf(actualSlots.keySet()), "slots in the same order");
            expectedSlots.forEach((key, slot) -> assertArrayEquals(slot.data, actualSlots.get(key).data, key));
            assertEquals(5, early.optimizer().iterations());
        }
    }

    @Test
    void aTrainableVariableOfTheModelIsClaimedOnceAStep() {
        Variable kernel = new Variable("dense/kernel:0", Shape.of(3, 2), true);
        Variable bias = new Variable("dense/bias:0", Shape.of(2), true);
        Variable foreign = new Variable("other/kernel:0", Shape.of(3, 2), true);
        ElementwiseMomentum optimizer = new ElementwiseMomentum(0.1, 0);
        BackwardUpdates updates = new BackwardUpdates(optimizer, List.of(kernel, bias));
        updates.begin();
        assertTrue(updates.claim(kernel));
        assertFalse(updates.claim(kernel), "claimed twice");
        assertFalse(updates.claim(foreign), "not the model's");
        kernel.gradient().data[4] = 1f;
        bias.gradient().data[1] = 2f;
        updates.update(kernel, 4, 6);
        assertEquals(-0.19f, kernel.value().data[4], 1e-7f, "v = -0.1, w = 0.9 v - 0.1");
        updates.finish(new EjmlKernels());
        assertEquals(-0.19f * 2, bias.value().data[1], 1e-7f, "the bias, unclaimed, updated by the apply");
        assertEquals(-0.19f, kernel.value().data[4], 1e-7f, "the claimed kernel not updated twice");
        assertEquals(1, optimizer.iterations());
        updates.begin();
        assertTrue(updates.claim(kernel), "a new step claims anew");
    }

    @Test
    void variablesUpdatedWholeBeforeTheLastBackwardAreClaimedAndNotAppliedAgain() {
        Variable kernel = new Variable("dense/kernel:0", Shape.of(3, 2), true);
        Variable bias = new Variable("dense/bias:0", Shape.of(2), true);
        ElementwiseMomentum optimizer = new ElementwiseMomentum(0.1, 0);
        BackwardUpdates updates = new BackwardUpdates(optimizer, List.of(kernel, bias));
        updates.begin();
        bias.gradient().data[0] = 1f;
        updates.updateFinal(List.of(bias), new EjmlKernels());
        assertEquals(-0.19f, bias.value().data[0], 1e-7f);
        assertFalse(updates.claim(bias), "claimed by updateFinal");
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> updates.updateFinal(List.of(bias), new EjmlKernels()));
        assertTrue(twice.getMessage().contains("dense/bias:0"), twice.getMessage());
        updates.finish(new EjmlKernels());
        assertEquals(-0.19f, bias.value().data[0], 1e-7f, "not updated twice");
        assertEquals(0f, kernel.value().data[0], "no gradient: the apply moved the kernel by 0");
        assertEquals(1, optimizer.iterations());
    }
}
