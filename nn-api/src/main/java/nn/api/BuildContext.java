package nn.api;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a layer gets when it is built besides its input shape: the matrix kernels to compute with
 * and the random source its initializers draw from (seeded by the model, so weights repeat).
 */
public record BuildContext(Kernels kernels, RandomGenerator random) {

    /** EJML kernels and a seeded generator: what tests and single layers usually want. */
    public static BuildContext seeded(long seed) {
        return new BuildContext(new EjmlKernels(), new SplittableRandom(seed));
    }
}
