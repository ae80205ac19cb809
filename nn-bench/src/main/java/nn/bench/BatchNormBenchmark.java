package nn.bench;

import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Shape;
import nn.layers.bn.BatchNormalization;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The passes of the tutorial's first BatchNormalization (300 channels): forward with the batch's
 * statistics (training), backward through them, and forward with the moving statistics (inference).
 */
public class BatchNormBenchmark extends JmhDefaults {

    @Param({"32", "256", "1000"})
    public int batch;

    @Param({"300"})
    public int channels;

    /** {@code ejml} (the plain-Java reference passes) or {@code vector}. */
    @Param({"ejml", "vector"})
    public String kernels;

    private BatchNormalization layer;
    private FMatrixRMaj input;
    private FMatrixRMaj outputGradient;

    @Setup
    public void setUp() {
        layer = new BatchNormalization();
        layer.build(Shape.of(channels), new BuildContext(BenchKernels.of(kernels), new SplittableRandom(1)));
        SplittableRandom random = new SplittableRandom(1);
        input = RandomMatrices.uniform(batch, channels, -3, 5, random);
        outputGradient = RandomMatrices.uniform(batch, channels, -1, 1, random);
        layer.forward(input, true);
    }

    @Benchmark
    public FMatrixRMaj forwardTraining() {
        return layer.forward(input, true);
    }

    @Benchmark
    public FMatrixRMaj backward() {
        return layer.backward(outputGradient, true);
    }

    @Benchmark
    public FMatrixRMaj forwardInference() {
        return layer.forward(input, false);
    }
}
