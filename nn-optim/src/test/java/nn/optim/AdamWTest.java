package nn.optim;

import static nn.optim.TestVariables.step;
import static nn.optim.TestVariables.trainable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nn.api.Config;
import nn.api.Variable;
import org.junit.jupiter.api.Test;

class AdamWTest {

    /**
     * learning_rate 0.1, weight_decay 0.1, betas 0.9 / 0.999, epsilon 1e-7; w = [1, -2].
     * Step 1, g = [0.5, -1]: decay w = w - w * 0.1 * 0.1 = [0.99, -1.98]; then Adam:
     * alpha = 0.1 * sqrt(1 - 0.999) / (1 - 0.9) = 0.0316228, m = [0.05, -0.1], v = [0.00025, 0.001],
     * w -= alpha * m / (sqrt(v) + 1e-7) = [0.0999994, -0.0999997]: w = [0.8900006, -1.8800003].
     * Step 2, g = [0.1, 0.2]: decay w = [0.8811006, -1.8612003];
     * alpha = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.0235317, m = [0.055, -0.07],
     * v = [0.00025975, 0.001039], w -= [0.0803036, -0.0511025]: w = [0.8007970, -1.8100979].
     */
    @Test
    void twoStepsByHand() {
        AdamW adamw = new AdamW(0.1f, 0.1f);
        Variable w = trainable("dense/kernel:0", 1f, -2f);
        step(adamw, w, 0.5f, -1f);
        assertArrayEquals(new float[] {0.8900006f, -1.8800003f}, w.value().data, 2e-6f);
        step(adamw, w, 0.1f, 0.2f);
        assertArrayEquals(new float[] {0.8007970f, -1.8100979f}, w.value().data, 2e-6f);
        assertArrayEquals(new float[] {0.055f, -0.07f}, adamw.slots().get("dense/kernel:0/m").data, 1e-7f);
    }

    /** The decay uses the step's decayed rate: lr 0.1, decay 1, second step lr_t = 0.05. */
    @Test
    void weightDecayUsesTheDecayedLearningRate() {
        AdamW adamw = new AdamW(Config.of("optimizer AdamW", Map.of("learning_rate", 0.1, "decay", 1.0,
                "weight_decay", 0.5, "beta_1", 0.0, "beta_2", 0.0, "epsilon", 0.0)));
        Variable w = trainable("w", 2f);
        // With both betas 0 and g = 0, Adam's update is 0 / 0: use a gradient and subtract it out.
        step(adamw, w, 1f);   // 2 - 2 * 0.5 * 0.1 = 1.9, then - 0.1 * 1 / 1 = 1.8
        assertEquals(1.8f, w.value().data[0], 1e-6f);
        step(adamw, w, 1f);   // lr_t 0.05: 1.8 - 1.8 * 0.5 * 0.05 = 1.755, then - 0.05 = 1.705
        assertEquals(1.705f, w.value().data[0], 1e-6f);
    }

    @Test
    void withoutWeightDecayItIsAdam() {
        assertSameSteps(new AdamW(0.1f, 0f), new Adam(0.1f));
    }

    @Test
    void adamWithWeightDecayIsAdamW() {
        assertSameSteps(new AdamW(0.1f, 0.2f),
                new Adam(Config.of("optimizer Adam", Map.of("learning_rate", 0.1, "weight_decay", 0.2))));
    }

    private static void assertSameSteps(Adam first, Adam second) {
        Variable a = trainable("w", 1f, -2f);
        Variable b = trainable("w", 1f, -2f);
        for (int t = 0; t < 3; t++) {
            step(first, a, 0.3f * t - 0.5f, 0.7f);
            step(second, b, 0.3f * t - 0.5f, 0.7f);
        }
        assertArrayEquals(b.value().data, a.value().data, 0f);
    }

    @Test
    void kerasDefaults() {
        assertEquals(Map.of("name", "AdamW", "learning_rate", 0.001, "decay", 0.0, "weight_decay", 0.004,
                "beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7, "amsgrad", false),
                new AdamWProvider().create(Config.empty("optimizer AdamW")).config());
    }
}
