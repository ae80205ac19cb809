package nn.optim;

import static nn.optim.TestVariables.frozen;
import static nn.optim.TestVariables.setGradient;
import static nn.optim.TestVariables.trainable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nn.api.BaseOptimizer;
import nn.api.NnException;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class SlotsAndIterationsTest {
    private final Variable kernel = trainable("dense/kernel:0", 1f, 2f, 3f);
    private final Variable bias = trainable("dense/bias:0", 0f);
    private final List<Variable> variables = List.of(kernel, bias);

    @Test
    void slotsAreKeyedByVariablePathAndSlotNameInKerasOrder() {
        assertEquals(List.of("dense/kernel:0/momentum", "dense/bias:0/momentum"),
                slotKeys(new SGD(0.01f, 0.9f, true, 0f)));
        assertEquals(List.of("dense/kernel:0/m", "dense/bias:0/m", "dense/kernel:0/v", "dense/bias:0/v"),
                slotKeys(new Adam()));
        assertEquals(List.of("dense/kernel:0/m", "dense/bias:0/m", "dense/kernel:0/v", "dense/bias:0/v",
                "dense/kernel:0/vhat", "dense/bias:0/vhat"), slotKeys(new Adam(0.001f, 0.9f, 0.999f, 1e-7f, true, 0f)));
        assertEquals(List.of("dense/kernel:0/rms", "dense/bias:0/rms"), slotKeys(new RMSprop()));
        assertEquals(List.of("dense/kernel:0/rms", "dense/bias:0/rms", "dense/kernel:0/momentum",
                "dense/bias:0/momentum", "dense/kernel:0/mg", "dense/bias:0/mg"),
                slotKeys(new RMSprop(0.001f, 0.9f, 0.5f, 1e-7f, true, 0f)));
        assertEquals(List.of("dense/kernel:0/accumulator", "dense/bias:0/accumulator"), slotKeys(new Adagrad()));
    }

    @Test
    void slotsHaveTheVariableShapeAndTheirInitialValue() {
        Adagrad adagrad = new Adagrad();
        adagrad.build(variables);
        FMatrixRMaj accumulator = adagrad.slots().get("dense/kernel:0/accumulator");
        assertEquals(kernel.value().numRows, accumulator.numRows);
        assertEquals(kernel.value().numCols, accumulator.numCols);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, accumulator.data);
        assertArrayEquals(new float[] {0f}, builtSlots(new Adam()).get("dense/bias:0/v").data);
    }

    @Test
    void firstApplyBuildsTheSlotsThenUpdatesTheSameMatricesInPlace() {
        SGD sgd = new SGD(0.01f, 0.9f, true, 0f);
        assertTrue(sgd.slots().isEmpty());
        setGradient(kernel, 1f, 1f, 1f);
        sgd.apply(variables);
        FMatrixRMaj momentum = sgd.slots().get("dense/kernel:0/momentum");
        float[] data = momentum.data;

        sgd.build(variables);
        sgd.apply(variables);

        assertSame(momentum, sgd.slots().get("dense/kernel:0/momentum"));
        assertSame(data, momentum.data);
        assertEquals(2, sgd.slots().size());
    }

    /** apply updates the last variable first (issue 14), but the slots it makes still follow the variables. */
    @Test
    void slotsMadeByTheFirstApplyFollowTheVariablesOrder() {
        SGD sgd = new SGD(0.01f, 0.9f, true, 0f);
        setGradient(kernel, 1f, 1f, 1f);
        setGradient(bias, 1f);
        sgd.apply(variables);
        assertEquals(List.of("dense/kernel:0/momentum", "dense/bias:0/momentum"), List.copyOf(sgd.slots().keySet()));
    }

    @Test
    void iterationsCountApplyCallsOnlyAfterTheUpdate() {
        Adam adam = new Adam();
        adam.build(variables);
        assertEquals(0, adam.iterations());
        adam.apply(variables);
        adam.apply(variables);
        assertEquals(2, adam.iterations());
    }

    @Test
    void applyWithNoVariablesStillCountsTheStep() {
        SGD sgd = new SGD(0.01f, 0.9f, true, 1e-6f);
        sgd.apply(List.of());
        assertEquals(1, sgd.iterations());
        assertTrue(sgd.slots().isEmpty());
    }

    @Test
    void frozenVariablesAreLeftAloneAndGetNoSlots() {
        Variable movingMean = frozen("batch_normalization/moving_mean:0", 5f);
        SGD sgd = new SGD(0.01f, 0.9f, true, 0f);
        setGradient(bias, 1f);
        sgd.apply(List.of(bias, movingMean));
        assertEquals(5f, movingMean.value().data[0]);
        assertEquals(Map.of("dense/bias:0/momentum", sgd.slots().get("dense/bias:0/momentum")), sgd.slots());
    }

    @Test
    void setIterationsResumesTheDecaySchedule() {
        SGD sgd = new SGD(0.01f, 0f, false, 1e-6f);
        sgd.setIterations(1000);
        assertEquals(1000, sgd.iterations());
        assertEquals(0.01 / (1 + 1e-6 * 1000), sgd.learningRate(), 1e-9);
        NnException error = assertThrows(NnException.class, () -> sgd.setIterations(-1));
        assertTrue(error.getMessage().contains("-1"), error.getMessage());
    }

    @Test
    void twoVariablesWithOnePathAreRejected() {
        SGD sgd = new SGD(0.01f, 0.9f, false, 0f);
        Variable twin = trainable("dense/kernel:0", 0f);
        NnException error = assertThrows(NnException.class, () -> sgd.build(List.of(kernel, twin)));
        assertTrue(error.getMessage().contains("dense/kernel:0"), error.getMessage());
    }

    private Map<String, FMatrixRMaj> builtSlots(BaseOptimizer optimizer) {
        optimizer.build(variables);
        return optimizer.slots();
    }

    private List<String> slotKeys(BaseOptimizer optimizer) {
        return List.copyOf(builtSlots(optimizer).keySet());
    }
}
