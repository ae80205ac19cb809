package nn.bench;

import java.util.Map;
import java.util.SplittableRandom;
import nn.api.Kernels;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training step of the tutorial model (bn-before, SGD with Nesterov momentum): forward in
 * training mode, softmax cross-entropy, backward, update, on one batch of random images. An epoch
 * of Fashion-MNIST is 60,000 / batch of these steps.
 */
public class TrainingStepBenchmark extends JmhDefaults {

    @Param({"32", "256"})
    public int batch;

    /** {@code ejml}, {@code vector} (one thread) or {@code vector-N} (N threads). */
    @Param({"vector", "vector-2"})
    public String kernels;

    private Kernels k;
    private Sequential model;
    private FMatrixRMaj images;
    private FMatrixRMaj labels;

    @Setup
    public void setUp() {
        k = BenchKernels.of(kernels);
        model = TutorialModel.on(k);
        SplittableRandom random = new SplittableRandom(1);
        images = RandomMatrices.uniform(batch, 784, 0, 1, random);
        labels = RandomMatrices.labels(batch, 10, random);
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    public Map<String, Double> step() {
        return model.trainOnBatch(images, labels);
    }
}
