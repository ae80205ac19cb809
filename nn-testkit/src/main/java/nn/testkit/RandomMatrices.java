package nn.testkit;

import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;

/** Seeded random test inputs. */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** rows x cols, standard normal entries times {@code scale}, plus {@code offset}. */
    public static FMatrixRMaj normal(int rows, int cols, float scale, float offset, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (random.nextGaussian() * scale) + offset;
        }
        return m;
    }

    public static FMatrixRMaj normal(int rows, int cols, long seed) {
        return normal(rows, cols, 1f, 0f, seed);
    }
}
