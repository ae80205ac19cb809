package nn.optim;

import static nn.optim.TestVariables.step;
import static nn.optim.TestVariables.trainable;
import static nn.optim.TestVariables.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import nn.api.Variable;
import org.junit.jupiter.api.Test;

class AdamTest {
    private static final double TOLERANCE = 1e-6;
    // A large first gradient, then small ones: v shrinks, so AMSGrad's max(vhat, v) matters.
    private static final float[][] GRADIENTS = {{1.0f, -0.5f}, {0.01f, 0.2f}, {0.01f, -0.3f}, {0.02f, 0.1f}};

    @Test
    void firstStepMovesByAboutTheLearningRate() {
        Variable w = trainable("w", 1.0f);
        step(new Adam(), w, 0.5f);
        // t = 1: m = 0.1 * 0.5 = 0.05; v = 0.001 * 0.25 = 0.00025
        // alpha = 0.001 * sqrt(1 - 0.999) / (1 - 0.9) = 0.000316227766
        // w = 1 - alpha * 0.05 / (sqrt(0.00025) + 1e-7) = 1 - 0.000999993675 = 0.999000006325
        assertEquals(0.999000006325, w.value().data[0], TOLERANCE);
    }

    @Test
    void matchesReference() {
        assertMatchesReference(0.1, 0.9, 0.999, 1e-7, false, 0.0);
    }

    @Test
    void matchesReferenceWithDecayAndLargeEpsilon() {
        assertMatchesReference(0.1, 0.8, 0.99, 0.01, false, 0.05);
    }

    @Test
    void amsgradMatchesReferenceAndDiffersFromPlainAdam() {
        assertMatchesReference(0.1, 0.9, 0.999, 1e-7, true, 0.0);

        Variable plain = trainable("w", 1.0f);
        Variable ams = trainable("w", 1.0f);
        Adam plainAdam = new Adam(0.1f);
        Adam amsAdam = new Adam(0.1f, 0.9f, 0.999f, 1e-7f, true, 0f);
        for (float[] g : GRADIENTS) {
            step(plainAdam, plain, g[0]);
            step(amsAdam, ams, g[0]);
        }
        assertNotEquals(plain.value().data[0], ams.value().data[0], 1e-4);
    }

    private static void assertMatchesReference(double lr, double beta1, double beta2, double epsilon,
            boolean amsgrad, double decay) {
        Adam adam = new Adam((float) lr, (float) beta1, (float) beta2, (float) epsilon, amsgrad, (float) decay);
        Variable w = trainable("w", 1.0f, -2.0f);
        double[] expected = {1.0, -2.0};
        double[] m = new double[2];
        double[] v = new double[2];
        double[] vhat = new double[2];
        for (int step = 0; step < GRADIENTS.length; step++) {
            step(adam, w, GRADIENTS[step]);
            int t = step + 1;
            double alpha = lr / (1 + decay * step) * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[step][i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                vhat[i] = Math.max(vhat[i], v[i]);
                expected[i] -= alpha * m[i] / (Math.sqrt(amsgrad ? vhat[i] : v[i]) + epsilon);
            }
            assertArrayEquals(expected, values(w), TOLERANCE, "after step " + step);
        }
    }
}
