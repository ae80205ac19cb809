package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import nn.api.Loss;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The fit loop's calls to the optimizer and listeners, and what it logs. */
class FitLoopTest {

    private static Sequential model() {
        return new Sequential(1).add(new Flatten(4)).add(new Dense(3, "relu", false)).add(new Dense(2, "softmax", true));
    }

    private static LabeledData data(int n, long seed) {
        FMatrixRMaj x = RandomMatrices.normal(n, 4, seed);
        FMatrixRMaj y = new FMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            y.data[i] = x.data[i * 4] > 0 ? 1 : 0;
        }
        return new LabeledData(x, y);
    }

    @Test
    void oneOptimizerStepPerBatchIncludingThePartialLastBatch() {
        Sequential model = model();
        Optimizer optimizer = mock(Optimizer.class);
        model.compile(optimizer, new SparseCategoricalCrossentropy(), new Accuracy());
        model.fit(data(10, 1), new FitConfig(3, 4, true, 0));
        // ceil(10 / 4) = 3 batches a epoch, 3 epochs
        verify(optimizer, times(9)).apply(model.trainableWeights(), model.kernels());
    }

    @Test
    void listenersSeeEpochsAndBatchesInOrder() {
        Sequential model = model();
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        TrainingListener listener = mock(TrainingListener.class);
        History history = model.fit(data(10, 1), data(4, 2), new FitConfig(2, 5, true, 0), listener);
        InOrder order = inOrder(listener);
        order.verify(listener).onTrainBegin(2, 2, 10);
        order.verify(listener).onEpochBegin(1, 2);
        order.verify(listener).onBatchEnd(eq(1), eq(1), eq(2), any(Logs.class));
        order.verify(listener).onBatchEnd(eq(1), eq(2), eq(2), any(Logs.class));
        order.verify(listener).onEpochEnd(eq(1), any(), anyDouble());
        order.verify(listener).onEpochBegin(2, 2);
        order.verify(listener).onEpochEnd(eq(2), any(), anyDouble());
        order.verify(listener).onTrainEnd(history);
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), history.names());
        assertEquals(2, history.epochs());
        assertEquals(2, history.epochSeconds().size());
    }

    @Test
    void epochLossIsTheMeanOverSamplesOfTheBatchLosses() {
        Sequential model = model();
        Loss loss = mock(Loss.class);
        // batches of 4, 4 and 2 samples with losses 1, 2 and 4: (4*1 + 4*2 + 2*4) / 10 = 2
        when(loss.compute(any(), any(), any())).thenReturn(1f, 2f, 4f);
        model.compile(mock(Optimizer.class), loss);
        History history = model.fit(data(10, 1), new FitConfig(1, 4, false, 0));
        assertEquals(2.0, history.last("loss"), 1e-12);
    }

    @Test
    void aNaNLossStopsTrainingWithTheEpochsDoneSoFar() {
        Sequential model = model();
        Loss loss = mock(Loss.class);
        when(loss.compute(any(), any(), any())).thenReturn(0.5f, 0.5f, 0.5f, Float.NaN);
        Optimizer optimizer = mock(Optimizer.class);
        model.compile(optimizer, loss);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> model.fit(data(10, 1), new FitConfig(5, 4, false, 0)));
        assertEquals("the loss became NaN at epoch 2, batch 1; training stopped (try a smaller learning rate)", e.getMessage());
        assertEquals(1, e.history().epochs());
    }

    @Test
    void aListenerCanStopTrainingAfterTheCurrentEpoch() {
        Sequential model = model();
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy());
        TrainingListener stopper = mock(TrainingListener.class);
        doAnswer(inv -> {
            model.stopTraining();
            return null;
        }).when(stopper).onEpochEnd(anyInt(), any(), anyDouble());
        History history = model.fit(data(8, 1), new FitConfig(10, 4, true, 0), stopper);
        assertEquals(1, history.epochs());
        verify(stopper, never()).onEpochBegin(2, 10);
    }

    @Test
    void sameSeedsGiveTheSameHistoryBitForBit() {
        Map<String, List<Double>> first = train(3);
        assertEquals(first, train(3));
        assertTrue(!first.equals(train(4)), "another shuffle seed should give another history");
    }

    private static Map<String, List<Double>> train(long shuffleSeed) {
        Sequential model = model();
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        return model.fit(data(20, 1), data(6, 2), new FitConfig(3, 4, true, shuffleSeed)).asMap();
    }

    @Test
    void resumingAfterSomeEpochsGivesTheUninterruptedRunBitForBit() {
        Sequential straight = model();
        straight.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        History all = straight.fit(data(20, 1), data(6, 2), new FitConfig(5, 4, true, 7));

        Sequential first = model();
        first.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        History before = first.fit(data(20, 1), data(6, 2), new FitConfig(2, 4, true, 7));
        // What a checkpoint restores: the weights and the optimizer's counters, into a model initialised otherwise.
        Sequential resumed = new Sequential(99).add(new Flatten(4)).add(new Dense(3, "relu", false)).add(new Dense(2, "softmax", true));
        resumed.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy(), new Accuracy());
        for (int i = 0; i < first.weights().size(); i++) {
            resumed.weights().get(i).assign(first.weights().get(i).value().data);
        }
        resumed.optimizer().setIterations(first.optimizer().iterations());
        History after = resumed.fit(data(20, 1), data(6, 2), new FitConfig(5, 4, true, 7).withInitialEpoch(2));

        assertEquals(3, after.epochs());
        before.addAll(after);
        assertEquals(all.asMap(), before.asMap());
        for (int i = 0; i < straight.weights().size(); i++) {
            assertArrayEquals(straight.weights().get(i).value().data, resumed.weights().get(i).value().data,
                    straight.weights().get(i).path());
        }
        assertEquals(straight.optimizer().iterations(), resumed.optimizer().iterations());
    }

    @Test
    void aResumedFitShowsListenersTheTrueEpochNumbers() {
        Sequential model = model();
        model.compile(new PlainGradientDescent(0.1f), new SparseCategoricalCrossentropy());
        TrainingListener listener = mock(TrainingListener.class);
        model.fit(data(10, 1), new FitConfig(4, 5, true, 0).withInitialEpoch(2), listener);
        InOrder order = inOrder(listener);
        order.verify(listener).onTrainBegin(4, 2, 10);
        order.verify(listener).onEpochBegin(3, 4);
        order.verify(listener).onEpochEnd(eq(3), any(), anyDouble());
        order.verify(listener).onEpochBegin(4, 4);
        order.verify(listener).onEpochEnd(eq(4), any(), anyDouble());
        verify(listener, never()).onEpochBegin(1, 4);
    }

    @Test
    void theInitialEpochMustBeBeforeTheLastEpoch() {
        assertEquals(0, FitConfig.epochs(3).initialEpoch());
        assertEquals(2, FitConfig.epochs(3).withInitialEpoch(2).initialEpoch());
        NnException atEnd = assertThrows(NnException.class, () -> FitConfig.epochs(3).withInitialEpoch(3));
        assertEquals("initial epoch must be in [0, epochs) = [0, 3), got 3 (fit trains epochs initialEpoch + 1 to epochs)",
                atEnd.getMessage());
        assertThrows(NnException.class, () -> FitConfig.epochs(3).withInitialEpoch(-1));
    }
}
