package nn.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import nn.api.BuildContext;
import nn.api.Kernels;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Logs;
import nn.core.Sequential;
import nn.core.TrainingListener;
import nn.kernels.vector.VectorKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training picks how many of the kernels' threads its steps use while it runs (on a shared machine
 * one thread is at times faster than two). That is only allowed because the count never changes a
 * bit: here it changes between steps, as that tuning does, and the weights come out as on one thread.
 */
class ThreadsInUseTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 256})
    void changingTheThreadsInUseBetweenStepsKeepsTheBitsOfOneThread(int batchSize) {
        LabeledData data = SyntheticImages.asPixelBytes(SyntheticImages.generate(1024, 5));
        FitConfig config = FitConfig.epochs(2).withBatchSize(batchSize);
        List<float[]> oneThread;
        try (VectorKernels kernels = new VectorKernels()) {
            oneThread = train(kernels, data, config, step -> { });
        }
        try (VectorKernels kernels = new VectorKernels().withThreads(2)) {
            List<float[]> switching = train(kernels, data, config, step -> kernels.useThreads(1 + step / 3 % 2));
            assertEquals(oneThread.size(), switching.size());
            for (int w = 0; w < oneThread.size(); w++) {
                assertArrayEquals(oneThread.get(w), switching.get(w), "weight " + w + " at batch size " + batchSize);
            }
            assertEquals(2, kernels.threadsInUse(), "fit leaves in use the threads it started with");
        }
    }

    private static List<float[]> train(Kernels kernels, LabeledData data, FitConfig config, IntConsumer afterStep) {
        Sequential empty = new Sequential("tutorial", new BuildContext(kernels, new SplittableRandom(1)));
        Sequential model = KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(empty));
        model.fit(data, config, new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int step, int steps, Logs logs) {
                afterStep.accept(step);
            }
        });
        return model.getWeights();
    }
}
