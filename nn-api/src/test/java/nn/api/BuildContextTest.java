package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BuildContextTest {

    private static double[] draws(RandomGenerator random) {
        double[] d = new double[16];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextDouble();
        }
        return d;
    }

    @Test
    void seededUsesEjmlKernels() {
        BuildContext c = BuildContext.seeded(1);
        assertInstanceOf(EjmlKernels.class, c.kernels());
        assertEquals("ejml", c.kernels().name());
    }

    @Test
    void sameSeedSameDraws() {
        assertArrayEquals(draws(BuildContext.seeded(42).random()), draws(BuildContext.seeded(42).random()));
    }

    @Test
    void seededMatchesASplittableRandomOfThatSeed() {
        assertArrayEquals(draws(new SplittableRandom(42)), draws(BuildContext.seeded(42).random()));
    }

    @Test
    void differentSeedsDifferentDraws() {
        assertFalse(Arrays.equals(draws(BuildContext.seeded(1).random()), draws(BuildContext.seeded(2).random())));
    }

    @Test
    void eachContextHasItsOwnGenerator() {
        BuildContext a = BuildContext.seeded(3);
        BuildContext b = BuildContext.seeded(3);
        a.random().nextDouble();
        assertFalse(Arrays.equals(draws(a.random()), draws(b.random())));
    }

    @Test
    void seededInitializationIsReproducible() {
        Shape shape = Shape.of(30, 20);
        Variable a = new Variable("a/kernel:0", shape, true);
        Variable b = new Variable("b/kernel:0", shape, true);
        Initializers.glorotUniform().initialize(a.value(), shape, BuildContext.seeded(5).random());
        Initializers.glorotUniform().initialize(b.value(), shape, BuildContext.seeded(5).random());
        assertArrayEquals(a.value().data, b.value().data);
    }

    @Test
    void anyKernelsAndGeneratorCanBeGiven() {
        Kernels kernels = mock(Kernels.class);
        RandomGenerator random = new SplittableRandom(0);
        BuildContext c = new BuildContext(kernels, random);
        assertSame(kernels, c.kernels());
        assertSame(random, c.random());
    }
}
