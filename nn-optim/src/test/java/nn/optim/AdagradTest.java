package nn.optim;

import static nn.optim.TestVariables.step;
import static nn.optim.TestVariables.trainable;
import static nn.optim.TestVariables.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nn.api.Variable;
import org.junit.jupiter.api.Test;

class AdagradTest {
    private static final double TOLERANCE = 1e-6;
    private static final float[][] GRADIENTS = {{1.0f, -0.5f}, {0.3f, 0.2f}, {-0.2f, -0.3f}, {0.5f, 0.1f}};

    @Test
    void firstStepStartsFromTheInitialAccumulator() {
        Adagrad adagrad = new Adagrad(0.1f);
        Variable w = trainable("w", 1.0f);
        step(adagrad, w, 1.0f);
        // acc = 0.1 + 1 = 1.1; w = 1 - 0.1 * 1 / (sqrt(1.1) + 1e-7) = 1 - 0.0953462498 = 0.9046537502
        assertEquals(1.1, adagrad.slots().get("w/accumulator").data[0], TOLERANCE);
        assertEquals(0.9046537502, w.value().data[0], TOLERANCE);
    }

    @Test
    void matchesReference() {
        assertMatchesReference(0.1, 0.1, 1e-7, 0.0);
        assertMatchesReference(0.1, 0.0, 0.2, 0.1);
    }

    private static void assertMatchesReference(double lr, double initialAccumulator, double epsilon, double decay) {
        Adagrad adagrad = new Adagrad((float) lr, (float) initialAccumulator, (float) epsilon, (float) decay);
        Variable w = trainable("w", 1.0f, -2.0f);
        double[] expected = {1.0, -2.0};
        double[] acc = {initialAccumulator, initialAccumulator};
        for (int t = 0; t < GRADIENTS.length; t++) {
            step(adagrad, w, GRADIENTS[t]);
            double lrT = lr / (1 + decay * t);
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t][i];
                acc[i] += g * g;
                expected[i] -= lrT * g / (Math.sqrt(acc[i]) + epsilon);
            }
            assertArrayEquals(expected, values(w), TOLERANCE, "after step " + t);
        }
    }
}
