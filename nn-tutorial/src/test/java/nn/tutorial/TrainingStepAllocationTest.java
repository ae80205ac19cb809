package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Logs;
import nn.core.Sequential;
import nn.core.TrainingListener;
import nn.kernels.vector.VectorKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training steps reuse their buffers: once warm, a batch allocates nothing. Measured as the bytes
 * this thread allocates between the second and the last batch of a late epoch, not as time.
 */
class TrainingStepAllocationTest {
    /** Epochs of 30 steps a round of training; the last one's steps are measured. */
    private static final int EPOCHS_A_ROUND = 4;
    /**
     * Rounds a model may train before it must be warm: EJML is from the first, the vector kernels
     * took 3-4 here (until the JIT has compiled them).
     */
    private static final int MOST_ROUNDS = 40;

    @Test
    void aWarmTrainingStepAllocatesNothing() {
        assertAllocatesNothingPerStep(new EjmlKernels(), SyntheticImages.generate(960, 5));
    }

    /** As the app holds Fashion-MNIST: pixels as bytes, turned into floats as each batch is gathered. */
    @Test
    void aWarmTrainingStepOnPixelBytesAllocatesNothing() {
        assertAllocatesNothingPerStep(new EjmlKernels(), SyntheticImages.asPixelBytes(SyntheticImages.generate(960, 5)));
    }

    /**
     * On the vector kernels, whose products are cut between the threads or run side by side (a
     * dense layer's two gradients): on 2 threads too, the caller allocates nothing once warm. Warm
     * takes longer here: until C2 has compiled them, Vector API calls allocate their vectors.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aWarmTrainingStepOnTheVectorKernelsAllocatesNothing(int threads) {
        try (VectorKernels kernels = new VectorKernels().withThreads(threads)) {
            assertAllocatesNothingPerStep(kernels, SyntheticImages.asPixelBytes(SyntheticImages.generate(960, 5)));
        }
    }

    /** predict's batch of 1000 images is a 3 MB array: made once a model, not once a call. */
    @Test
    void aWarmPredictAllocatesItsOutputNotItsBatches() {
        LabeledData data = SyntheticImages.asPixelBytes(SyntheticImages.generate(2000, 5));
        Sequential model = KerasBatchNormTutorial.bnBeforeActivation(
                new Sequential("tutorial", new BuildContext(new EjmlKernels(), new SplittableRandom(1))));
        model.predict(data.features(), 1000);
        long before = allocatedBytes();
        model.predict(data.features(), 1000);
        long allocated = allocatedBytes() - before;
        long output = 2000L * 10 * Float.BYTES;
        assertTrue(allocated < output + 64 * 1024, "a warm predict of 2000 images allocated " + allocated + " bytes");
    }

    /** Looked up once: the lookup allocates, which would count against the steps measured. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes this thread has allocated so far. */
    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Trains rounds of {@link #EPOCHS_A_ROUND} epochs until the last epoch's steps allocate nothing
     * (under 16 bytes a step), at most {@link #MOST_ROUNDS}: a path that allocates in every step
     * never gets there, one that only allocates until the JIT has compiled it does.
     */
    private static void assertAllocatesNothingPerStep(Kernels kernels, LabeledData data) {
        Sequential empty = new Sequential("tutorial", new BuildContext(kernels, new SplittableRandom(1)));
        Sequential model = KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(empty));
        double perStep = Double.NaN;
        for (int round = 0; round < MOST_ROUNDS && !(perStep < 16); round++) {
            AllocationProbe probe = new AllocationProbe(EPOCHS_A_ROUND);
            model.fit(data, FitConfig.epochs(EPOCHS_A_ROUND), probe);
            perStep = probe.bytesPerStep();
        }
        assertTrue(perStep < 16, "after " + MOST_ROUNDS * EPOCHS_A_ROUND + " epochs a training step on " + kernels
                + " still allocated " + perStep + " bytes on average");
    }

    /** Reads the thread's allocated bytes after the second and the last batch of one epoch. */
    private static final class AllocationProbe implements TrainingListener {
        private final int epoch;
        private long atSecondStep;
        private long atLastStep;
        private int measuredSteps;

        AllocationProbe(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onBatchEnd(int epoch, int step, int steps, Logs logs) {
            if (epoch != this.epoch) {
                return;
            }
            if (step == 2) {
                atSecondStep = allocatedBytes();
            } else if (step == steps) {
                atLastStep = allocatedBytes();
                measuredSteps = steps - 2;
            }
        }

        double bytesPerStep() {
            return (double) (atLastStep - atSecondStep) / measuredSteps;
        }
    }
}
