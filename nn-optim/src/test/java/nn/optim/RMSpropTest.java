package nn.optim;

import static nn.optim.TestVariables.step;
import static nn.optim.TestVariables.trainable;
import static nn.optim.TestVariables.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nn.api.Variable;
import org.junit.jupiter.api.Test;

class RMSpropTest {
    private static final double TOLERANCE = 1e-6;
    private static final float[][] GRADIENTS = {{1.0f, -0.5f}, {0.3f, 0.2f}, {-0.2f, -0.3f}, {0.5f, 0.1f}};

    @Test
    void firstPlainStepHasEpsilonOutsideTheRoot() {
        Variable w = trainable("w", 1.0f);
        step(new RMSprop(0.1f, 0.9f, 0f, 0.5f, false, 0f), w, 1.0f);
        // ms = 0.1 * 1 = 0.1; w = 1 - 0.1 * 1 / (sqrt(0.1) + 0.5) = 1 - 0.1 / 0.8162277660 = 0.877485177
        assertEquals(0.877485177, w.value().data[0], TOLERANCE);
    }

    @Test
    void firstMomentumStepHasEpsilonInsideTheRoot() {
        Variable w = trainable("w", 1.0f);
        step(new RMSprop(0.1f, 0.9f, 0.5f, 0.5f, false, 0f), w, 1.0f);
        // ms = 0.1; mom = 0.5 * 0 + 0.1 * 1 / sqrt(0.1 + 0.5) = 0.1290994449; w = 0.8709005551
        assertEquals(0.8709005551, w.value().data[0], TOLERANCE);
    }

    @Test
    void plainMatchesReference() {
        assertMatchesReference(0.01, 0.9, 0.0, 1e-7, false, 0.0);
        assertMatchesReference(0.01, 0.8, 0.0, 0.3, false, 0.1);
    }

    @Test
    void centeredMatchesReference() {
        assertMatchesReference(0.01, 0.9, 0.0, 0.3, true, 0.0);
    }

    @Test
    void momentumMatchesReference() {
        assertMatchesReference(0.01, 0.9, 0.7, 0.3, false, 0.1);
    }

    @Test
    void centeredMomentumMatchesReference() {
        assertMatchesReference(0.01, 0.9, 0.7, 0.3, true, 0.0);
    }

    private static void assertMatchesReference(double lr, double rho, double momentum, double epsilon,
            boolean centered, double decay) {
        RMSprop rmsprop = new RMSprop((float) lr, (float) rho, (float) momentum, (float) epsilon, centered,
                (float) decay);
        Variable w = trainable("w", 1.0f, -2.0f);
        double[] expected = {1.0, -2.0};
        double[] ms = new double[2];
        double[] mg = new double[2];
        double[] mom = new double[2];
        for (int t = 0; t < GRADIENTS.length; t++) {
            step(rmsprop, w, GRADIENTS[t]);
            double lrT = lr / (1 + decay * t);
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t][i];
                ms[i] = rho * ms[i] + (1 - rho) * g * g;
                mg[i] = rho * mg[i] + (1 - rho) * g;
                double denom = centered ? ms[i] - mg[i] * mg[i] : ms[i];
                if (momentum > 0) {
                    mom[i] = momentum * mom[i] + lrT * g / Math.sqrt(denom + epsilon);
                    expected[i] -= mom[i];
                } else {
                    expected[i] -= lrT * g / (Math.sqrt(denom) + epsilon);
                }
            }
            assertArrayEquals(expected, values(w), TOLERANCE, "after step " + t);
        }
    }
}
