package nn.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nn.api.Variable;
import nn.optim.SGD;
import nn.tutorial.KerasBatchNormTutorial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One step of the tutorial's optimizer (SGD, Nesterov momentum, decay) over the model's 317,410 trainable weights. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SgdBenchmark {

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
