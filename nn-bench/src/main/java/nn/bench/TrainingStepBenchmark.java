package nn.bench;

import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Kernels;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training step of the tutorial model (bn-before, SGD with Nesterov momentum), or of a preset
 * such as cnn-bn (issue 15's target: batch 32): forward in training mode, softmax cross-entropy,
 * backward, update, on one batch of random images. An epoch of Fashion-MNIST is 60,000 / batch of
 * these steps.
 */
public class TrainingStepBenchmark extends JmhDefaults {

    /** {@code tutorial} (the tutorial's Java model, bn-before) or a preset of nn-io, e.g. {@code cnn-bn}. */
    @Param({"tutorial"})
    public String model;

    @Param({"32", "256"})
    public int batch;

    /** {@code ejml}, {@code vector} (one thread) or {@code vector-N} (N threads). */
    @Param({"vector", "vector-2"})
    public String kernels;

    private Kernels k;
    private Sequential net;
    private FMatrixRMaj images;
    private FMatrixRMaj labels;

    @Setup
    public void setUp() {
        k = BenchKernels.of(kernels);
        net = model.equals("tutorial") ? TutorialModel.on(k) : preset(model, k);
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
        return net.trainOnBatch(images, labels);
    }

    /** A preset built on these kernels (seed 42) and compiled with its training config. */
    static Sequential preset(String name, Kernels kernels) {
        PluginRegistry registry = PluginRegistry.discover();
        ModelDefinition definition = ModelFiles.preset(name);
        Sequential built = definition.build(registry, new BuildContext(kernels, new SplittableRandom(42)));
        definition.compile(built, registry);
        return built;
    }
}
