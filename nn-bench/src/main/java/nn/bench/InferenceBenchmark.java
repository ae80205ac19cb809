package nn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nn.api.Kernels;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code predict} of the tutorial model on 10,000 random images at batch 1000, as {@code nn bench}
 * and PyTorch's script time inference; the score is samples per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InferenceBenchmark extends JmhDefaults {
    private static final int SAMPLES = 10_000;

    /** {@code ejml}, {@code vector} (one thread) or {@code vector-N} (N threads). */
    @Param({"vector", "vector-2"})
    public String kernels;

    private Kernels k;
    private Sequential model;
    private FMatrixRMaj images;

    @Setup
    public void setUp() {
        k = BenchKernels.of(kernels);
        model = TutorialModel.on(k);
        images = RandomMatrices.uniform(SAMPLES, 784, 0, 1, new SplittableRandom(1));
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public FMatrixRMaj predict() {
        return model.predict(images, 1000);
    }
}
