package nn.optim;

import static nn.optim.TestVariables.step;
import static nn.optim.TestVariables.trainable;
import static nn.optim.TestVariables.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nn.api.BaseOptimizer;
import nn.api.NnException;
import nn.api.Variable;
import org.junit.jupiter.api.Test;

class SGDTest {
    private static final double TOLERANCE = 1e-6;
    private static final float[][] GRADIENTS = {{0.5f, 0.25f}, {0.5f, 0.25f}, {-1.0f, 2.0f}, {0.1f, -0.3f}};

    @Test
    void firstTwoNesterovStepsMatchHandArithmetic() {
        SGD sgd = new SGD(0.01f, 0.9f, true, 1e-6f);
        Variable w = trainable("dense/kernel:0", 1.0f, -2.0f);

        step(sgd, w, 0.5f, 0.25f);
        // t = 0: lr_0 = 0.01 / (1 + 1e-6 * 0) = 0.01
        // v = 0.9 * 0 - 0.01 * 0.5 = -0.005;   w = 1 + 0.9 * -0.005 - 0.01 * 0.5 = 1 - 0.0045 - 0.005 = 0.9905
        // v = 0.9 * 0 - 0.01 * 0.25 = -0.0025; w = -2 + 0.9 * -0.0025 - 0.0025 = -2.00475
        assertArrayEquals(new double[] {0.9905, -2.00475}, values(w), TOLERANCE);
        assertArrayEquals(new double[] {-0.005, -0.0025}, slot(sgd, "dense/kernel:0/momentum"), TOLERANCE);

        step(sgd, w, 0.5f, 0.25f);
        // t = 1: lr_1 = 0.01 / (1 + 1e-6) = 0.00999999000001
        // v = 0.9 * -0.005 - lr_1 * 0.5 = -0.0045 - 0.004999995 = -0.009499995
        // w = 0.9905 + 0.9 * -0.009499995 - 0.004999995 = 0.9905 - 0.0085499955 - 0.004999995 = 0.9769500095
        assertEquals(0.9769500095, w.value().data[0], TOLERANCE);
    }

    @Test
    void nesterovMatchesReferenceOverSeveralSteps() {
        assertMatchesReference(0.01, 0.9, true, 1e-6);
    }

    @Test
    void plainMomentumMatchesReferenceAndDiffersFromNesterov() {
        assertMatchesReference(0.01, 0.9, false, 1e-6);

        Variable plain = trainable("w", 1.0f);
        step(new SGD(0.01f, 0.9f, false, 0f), plain, 0.5f);
        // v = -0.005; plain: w = 1 + v = 0.995, where Nesterov gives 0.9905.
        assertEquals(0.995, plain.value().data[0], TOLERANCE);
    }

    @Test
    void withoutMomentumStepsAlongTheGradientAndKeepsNoSlot() {
        assertMatchesReference(0.1, 0.0, true, 0.0);
        SGD sgd = new SGD(0.1f);
        Variable w = trainable("w", 1.0f);
        step(sgd, w, 0.5f);
        assertEquals(1.0 - 0.1 * 0.5, w.value().data[0], TOLERANCE);
        assertTrue(sgd.slots().isEmpty());
    }

    @Test
    void decayDividesTheRateByOnePlusDecayTimesStepsDone() {
        SGD sgd = new SGD(0.01f, 0.9f, true, 1e-6f);
        assertEquals(0.01, sgd.learningRate(), 1e-9);
        sgd.apply(List.of());
        assertEquals(0.01 / (1 + 1e-6), sgd.learningRate(), 1e-9);
        sgd.apply(List.of());
        assertEquals(0.01 / (1 + 2e-6), sgd.learningRate(), 1e-9);

        // SPEC: 60 epochs of 1,875 batches later the rate is 0.01 / 1.1125 = 0.008989.
        for (int step = 2; step < 60 * 1875; step++) {
            sgd.apply(List.of());
        }
        assertEquals(112_500, sgd.iterations());
        assertEquals(0.01 / 1.1125, sgd.learningRate(), 2e-9);
        assertEquals(0.008989, sgd.learningRate(), 5e-7);
    }

    /** Keras's optimizer.learning_rate = x: the base changes, decay goes on from the steps done. */
    @Test
    void settingTheLearningRateChangesTheBaseAndKeepsTheDecay() {
        SGD sgd = new SGD(0.01f, 0.9f, true, 1e-6f);
        sgd.setIterations(1000);
        sgd.setLearningRate(0.1f);
        assertEquals(0.1f, sgd.baseLearningRate());
        assertEquals(0.1 / (1 + 1e-3), sgd.learningRate(), 1e-8);
        assertEquals(0.1, sgd.config().get("learning_rate"));
        NnException e = assertThrows(NnException.class, () -> sgd.setLearningRate(-1f));
        assertEquals("optimizer SGD: 'learning_rate' must be > 0, got -1.0", e.getMessage());
        assertThrows(NnException.class, () -> sgd.setLearningRate(Float.NaN));
        assertEquals(0.1f, sgd.baseLearningRate());
    }

    @Test
    void theStepUsesTheRateOfTheCountBeforeIt() {
        SGD sgd = new SGD(0.01f, 0f, false, 1e-6f);
        sgd.setIterations(112_500);
        Variable w = trainable("w", 1.0f);
        step(sgd, w, 1.0f);
        assertEquals(1.0 - 0.01 / 1.1125, w.value().data[0], TOLERANCE);
        assertEquals(112_501, sgd.iterations());
    }

    private static void assertMatchesReference(double lr, double momentum, boolean nesterov, double decay) {
        SGD sgd = new SGD((float) lr, (float) momentum, nesterov, (float) decay);
        Variable w = trainable("w", 1.0f, -2.0f);
        double[] expected = {1.0, -2.0};
        double[] velocity = new double[2];
        for (int t = 0; t < GRADIENTS.length; t++) {
            step(sgd, w, GRADIENTS[t]);
            double lrT = lr / (1 + decay * t);
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t][i];
                if (momentum == 0) {
                    expected[i] -= lrT * g;
                } else {
                    velocity[i] = momentum * velocity[i] - lrT * g;
                    expected[i] += nesterov ? momentum * velocity[i] - lrT * g : velocity[i];
                }
            }
            assertArrayEquals(expected, values(w), TOLERANCE, "after step " + t);
        }
    }

    private static double[] slot(BaseOptimizer optimizer, String key) {
        float[] data = optimizer.slots().get(key).data;
        double[] values = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            values[i] = data[i];
        }
        return values;
    }
}
