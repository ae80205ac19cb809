package nn.bench;

import java.util.List;
import java.util.SplittableRandom;
import nn.api.Kernels;
import nn.api.Variable;
import nn.optim.SGD;
import nn.tutorial.KerasBatchNormTutorial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One step of the tutorial's optimizer (SGD, Nesterov momentum, decay) over the model's 317,410
 * trainable weights, its variables cut into ranges between the kernels' threads.
 */
public class SgdBenchmark extends JmhDefaults {

    /** {@code vector} (one thread) or {@code vector-N} (N threads). */
    @Param({"vector", "vector-2"})
    public String kernels;

    private final SGD optimizer = new SGD(0.01f, 0.9f, true, 1e-6f);
    private List<Variable> weights;
    private Kernels k;

    @Setup
    public void setUp() {
        k = BenchKernels.of(kernels);
        weights = KerasBatchNormTutorial.bnBeforeActivation(42).trainableWeights();
        SplittableRandom random = new SplittableRandom(1);
        for (Variable v : weights) {
            float[] g = v.gradient().data;
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (random.nextDouble() - 0.5) * 1e-3f;
            }
        }
        optimizer.build(weights);
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    public List<Variable> step() {
        optimizer.apply(weights, k);
        return weights;
    }
}
