package nn.bench;

import java.util.SplittableRandom;
import nn.core.SparseCategoricalCrossentropy;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Softmax cross-entropy of the tutorial's 10 classes from the logits, with its gradient: the loss pass of a step. */
public class LossBenchmark extends JmhDefaults {

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
