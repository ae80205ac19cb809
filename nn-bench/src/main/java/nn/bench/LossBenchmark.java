package nn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nn.core.SparseCategoricalCrossentropy;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Softmax cross-entropy of the tutorial's 10 classes from the logits, with its gradient: the loss pass of a step. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LossBenchmark {

    @Param({"32", "256"})
    public int batch;

    private final SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
    private FMatrixRMaj logits;
    private FMatrixRMaj labels;
    private FMatrixRMaj gradient;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        logits = RandomMatrices.uniform(batch, 10, -5, 5, random);
        labels = RandomMatrices.labels(batch, 10, random);
        gradient = new FMatrixRMaj(batch, 10);
    }

    @Benchmark
    public float softmaxCrossEntropy() {
        return loss.computeFromLogits(logits, labels, gradient);
    }
}
