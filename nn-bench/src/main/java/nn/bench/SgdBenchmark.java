package nn.bench;

import java.util.List;
import java.util.SplittableRandom;
import nn.api.Variable;
import nn.optim.SGD;
import nn.tutorial.KerasBatchNormTutorial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** One step of the tutorial's optimizer (SGD, Nesterov momentum, decay) over the model's 317,410 trainable weights. */
public class SgdBenchmark extends JmhDefaults {

    private final SGD optimizer = new SGD(0.01f, 0.9f, true, 1e-6f);
    private List<Variable> weights;

    @Setup
    public void setUp() {
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

    @Benchmark
    public List<Variable> step() {
        optimizer.apply(weights);
        return weights;
    }
}
