package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.core.Sequential;
import nn.kernels.vector.VectorKernels;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tutorial's training steps update the first kernel during the backward pass, in blocks of rows
 * on the kernels' threads; the weights and the optimizer's slots come out as from the gradients of
 * the whole pass and one optimizer step after it (what data-parallel training does).
 */
class EarlyKernelUpdateTest {

    @ParameterizedTest(name = "batch {0}, {1} thread(s)")
    @CsvSource({"32, 1", "32, 2", "256, 1", "256, 2"})
    void stepsEqualGradientsThenOneOptimizerStep(int batchSize, int threads) {
        try (VectorKernels early = new VectorKernels().withThreads(threads);
                VectorKernels after = new VectorKernels().withThreads(threads)) {
            Sequential earlyModel = model(early);
            Sequential afterModel = model(after);
            for (int step = 0; step < 3; step++) {
                FMatrixRMaj x = RandomMatrices.normal(batchSize, 784, 0.3f, 0.3f, 40 + step);
                FMatrixRMaj y = new FMatrixRMaj(batchSize, 1);
                SplittableRandom labels = new SplittableRandom(step);
                for (int i = 0; i < batchSize; i++) {
                    y.data[i] = labels.nextInt(10);
                }
                earlyModel.trainOnBatch(x, y);
                afterModel.computeGradients(x, y);
                afterModel.applyGradients();
            }
            List<float[]> expected = afterModel.getWeights();
            List<float[]> actual = earlyModel.getWeights();
            for (int w = 0; w < expected.size(); w++) {
                assertArrayEquals(expected.get(w), actual.get(w), "weight " + w);
            }
            Map<String, FMatrixRMaj> expectedSlots = afterModel.optimizer().slots();
            Map<String, FMatrixRMaj> actualSlots = earlyModel.optimizer().slots();
            assertEquals(List.copyOf(expectedSlots.keySet()), List.copyOf(actualSlots.keySet()));
            expectedSlots.forEach((key, slot) -> assertArrayEquals(slot.data, actualSlots.get(key).data, key));
        }
    }

    private static Sequential model(VectorKernels kernels) {
        Sequential empty = new Sequential("tutorial", new BuildContext(kernels, new SplittableRandom(1)));
        return KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(empty));
    }
}
