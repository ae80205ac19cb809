package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Logs;
import nn.core.Sequential;
import nn.core.TrainingListener;
import org.junit.jupiter.api.Test;

/**
 * Training steps reuse their buffers: once warm, a batch allocates nothing. Measured as the bytes
 * this thread allocates between the second and the last batch of a late epoch, not as time.
 */
class TrainingStepAllocationTest {

    @Test
    void aWarmTrainingStepAllocatesNothing() {
        assertAllocatesNothingPerStep(SyntheticImages.generate(960, 5));
    }

    /** As the app holds Fashion-MNIST: pixels as bytes, turned into floats as each batch is gathered. */
    @Test
    void aWarmTrainingStepOnPixelBytesAllocatesNothing() {
        assertAllocatesNothingPerStep(SyntheticImages.asPixelBytes(SyntheticImages.generate(960, 5)));
    }

    /** predict's batch of 1000 images is a 3 MB array: made once a model, not once a call. */
    @Test
    void aWarmPredictAllocatesItsOutputNotItsBatches() {
        LabeledData data = SyntheticImages.asPixelBytes(SyntheticImages.generate(2000, 5));
        Sequential model = KerasBatchNormTutorial.bnBeforeActivation(1);
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

    private static void assertAllocatesNothingPerStep(LabeledData data) {
        Sequential model = KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(1));
        AllocationProbe probe = new AllocationProbe(4);
        model.fit(data, FitConfig.epochs(4), probe);
        double perStep = probe.bytesPerStep();
        assertTrue(perStep < 16, "a warm training step allocated " + perStep + " bytes on average");
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
