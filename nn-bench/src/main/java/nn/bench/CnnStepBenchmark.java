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
 * One training step of a CNN preset (issue 15's target: cnn-bn at batch 32), forward in training
 * mode, loss, backward and SGD update, on one batch of random images: an epoch of 55,000 images is
 * 1,719 of these plus the gathering of batches.
 */
public class CnnStepBenchmark extends JmhDefaults {

    @Param({"cnn-bn"})
    public String preset;

    @Param({"32"})
    public int batch;

    /** {@code vector} (one thread) or {@code vector-N} (N threads). */
    @Param({"vector", "vector-2"})
    public String kernels;

    private Kernels k;
    private Sequential model;
    private FMatrixRMaj images;
    private FMatrixRMaj labels;

    @Setup
    public void setUp() {
        k = BenchKernels.of(kernels);
        PluginRegistry registry = PluginRegistry.discover();
        ModelDefinition definition = ModelFiles.preset(preset);
        model = definition.build(registry, new BuildContext(k, new SplittableRandom(42)));
        definition.compile(model, registry);
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
