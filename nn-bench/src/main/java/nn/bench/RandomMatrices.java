package nn.bench;

import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;

/** Benchmark inputs: matrices of uniform values and class labels, from a seeded generator. */
final class RandomMatrices {

    private RandomMatrices() {
    }

    /** Values uniform in [low, high). */
    static FMatrixRMaj uniform(int rows, int cols, float low, float high, SplittableRandom random) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (low + random.nextDouble() * (high - low));
        }
        return m;
    }

    /** One class index in [0, classes) a row. */
    static FMatrixRMaj labels(int rows, int classes, SplittableRandom random) {
        FMatrixRMaj m = new FMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            m.data[i] = random.nextInt(classes);
        }
        return m;
    }
}
