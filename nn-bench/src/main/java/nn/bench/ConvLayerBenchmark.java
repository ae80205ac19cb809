package nn.bench;

import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.Kernels;
import nn.api.Layer;
import nn.api.LayerProvider;
import nn.api.Shape;
import nn.layers.conv.Conv2DProvider;
import nn.layers.conv.MaxPooling2DProvider;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The layers of the cnn-bn preset that do the work: its two convolutions (3x3, same, no bias) and
 * its 2x2 max pools, forward in training mode and backward with the input gradient.
 */
public class ConvLayerBenchmark extends JmhDefaults {

    /** {@code conv1} 28x28x1 to 32, {@code conv2} 14x14x32 to 64, {@code pool1} 28x28x32, {@code pool2} 14x14x64. */
    @Param({"conv1", "conv2", "pool1", "pool2"})
    public String layer;

    @Param({"32", "256"})
    public int batch;

    @Param({"ejml", "vector"})
    public String kernels;

    private Kernels chosen;
    private Layer built;
    private FMatrixRMaj input;
    private FMatrixRMaj outputGradient;

    @Setup
    public void setUp() {
        chosen = BenchKernels.of(kernels);
        built = switch (layer) {
            case "conv1" -> build(new Conv2DProvider(), conv(32), 28, 28, 1);
            case "conv2" -> build(new Conv2DProvider(), conv(64), 14, 14, 32);
            case "pool1" -> build(new MaxPooling2DProvider(), Map.of(), 28, 28, 32);
            case "pool2" -> build(new MaxPooling2DProvider(), Map.of(), 14, 14, 64);
            default -> throw new IllegalArgumentException("layer: conv1, conv2, pool1 or pool2, got " + layer);
        };
        SplittableRandom random = new SplittableRandom(1);
        input = RandomMatrices.uniform(batch, built.inputShape().size(), -1, 1, random);
        outputGradient = RandomMatrices.uniform(batch, built.outputShape().size(), -1, 1, random);
        built.forward(input, true);
    }

    private static Map<String, Object> conv(int filters) {
        return Map.of("filters", filters, "kernel_size", 3, "padding", "same", "use_bias", false);
    }

    private Layer build(LayerProvider provider, Map<String, Object> config, int... inputShape) {
        Layer l = provider.create(Config.of("benchmark", config));
        l.build(Shape.of(inputShape), new BuildContext(chosen, new SplittableRandom(1)));
        return l;
    }

    @TearDown
    public void tearDown() {
        chosen.close();
    }

    @Benchmark
    public FMatrixRMaj forwardTraining() {
        return built.forward(input, true);
    }

    /** Forward and backward: backward needs the windows of its own forward pass. */
    @Benchmark
    public FMatrixRMaj forwardBackward() {
        built.forward(input, true);
        return built.backward(outputGradient, true);
    }
}
