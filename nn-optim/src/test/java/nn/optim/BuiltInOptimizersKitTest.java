package nn.optim;

import java.util.Map;
import nn.testkit.OptimizerTestKit;
import org.junit.jupiter.api.Test;

/**
 * Every built-in optimizer through the one harness, with two steps computed by hand from
 * w = [1, -2], gradients [0.5, -1] then [0.1, 0.2], learning rate 0.1.
 */
class BuiltInOptimizersKitTest {
    private static final float[] G1 = {0.5f, -1f};
    private static final float[] G2 = {0.1f, 0.2f};

    /** w -= 0.1 g: [0.95, -1.9], then [0.94, -1.92]. */
    @Test
    void sgd() {
        OptimizerTestKit.of(new SGDProvider()).config(Map.of("learning_rate", 0.1)).expectSlots()
                .weights(1f, -2f).step(G1, new float[] {0.95f, -1.9f}).step(G2, new float[] {0.94f, -1.92f}).run();
    }

    /** v = 0.9 v - 0.1 g: [-0.05, 0.1], w = [0.95, -1.9]; v = [-0.055, 0.07], w = [0.895, -1.83]. */
    @Test
    void sgdWithMomentum() {
        OptimizerTestKit.of(new SGDProvider()).config(Map.of("learning_rate", 0.1, "momentum", 0.9))
                .expectSlots("momentum").weights(1f, -2f)
                .step(G1, new float[] {0.95f, -1.9f}).step(G2, new float[] {0.895f, -1.83f}).run();
    }

    /** w += 0.9 v - 0.1 g: [-0.095, 0.19], w = [0.905, -1.81]; then [-0.0595, 0.043], w = [0.8455, -1.767]. */
    @Test
    void sgdNesterovWithDecay() {
        OptimizerTestKit.of(new SGDProvider()).config(Map.of("learning_rate", 0.1, "momentum", 0.9, "nesterov", true))
                .expectSlots("momentum").weights(1f, -2f)
                .step(G1, new float[] {0.905f, -1.81f}).step(G2, new float[] {0.8455f, -1.767f}).run();
        OptimizerTestKit.of(new SGDProvider()).config(Map.of("momentum", 0.9, "nesterov", true, "decay", 0.01))
                .expectSlots("momentum").run();
    }

    /**
     * Step 1: alpha = 0.1 sqrt(0.001) / 0.1 = 0.0316228, m = [0.05, -0.1], v = [0.00025, 0.001],
     * w -= alpha m / sqrt(v) = [0.0999994, -0.0999997]: [0.9000006, -1.9000003]. Step 2: alpha =
     * 0.0235317, m = [0.055, -0.07], v = [0.00025975, 0.001039], w -= [0.0803036, -0.0511025].
     */
    @Test
    void adam() {
        OptimizerTestKit.of(new AdamProvider()).config(Map.of("learning_rate", 0.1)).expectSlots("m", "v")
                .weights(1f, -2f).step(G1, new float[] {0.9000006f, -1.9000003f})
                .step(G2, new float[] {0.8196970f, -1.8488979f}).run();
        OptimizerTestKit.of(new AdamProvider()).config(Map.of("amsgrad", true, "decay", 0.01))
                .expectSlots("m", "v", "vhat").run();
    }

    /** Adam's steps after w -= w * 0.1 * 0.1 each step; see {@link AdamWTest}. */
    @Test
    void adamW() {
        OptimizerTestKit.of(new AdamWProvider()).config(Map.of("learning_rate", 0.1, "weight_decay", 0.1))
                .expectSlots("m", "v").weights(1f, -2f).step(G1, new float[] {0.8900006f, -1.8800003f})
                .step(G2, new float[] {0.8007970f, -1.8100979f}).run();
    }

    /**
     * ms = 0.1 g^2 = [0.025, 0.1], w -= 0.1 g / sqrt(ms) = [0.316228, -0.316228]: [0.683772, -1.683772];
     * ms = [0.0235, 0.094], w -= [0.0652328, 0.0652328]: [0.618540, -1.749005].
     */
    @Test
    void rmsprop() {
        OptimizerTestKit.of(new RMSpropProvider()).config(Map.of("learning_rate", 0.1)).expectSlots("rms")
                .weights(1f, -2f).step(G1, new float[] {0.6837724f, -1.6837723f})
                .step(G2, new float[] {0.6185397f, -1.7490051f}).run();
        OptimizerTestKit.of(new RMSpropProvider()).config(Map.of("momentum", 0.5, "centered", true))
                .expectSlots("rms", "momentum", "mg").run();
    }

    /**
     * acc = 0.1 + g^2 = [0.35, 1.1], w -= 0.1 g / sqrt(acc) = [0.0845154, -0.0953463]: [0.915485, -1.904654];
     * acc = [0.36, 1.14], w -= [0.0166667, 0.0187317]: [0.898818, -1.923385].
     */
    @Test
    void adagrad() {
        OptimizerTestKit.of(new AdagradProvider()).config(Map.of("learning_rate", 0.1)).expectSlots("accumulator")
                .weights(1f, -2f).step(G1, new float[] {0.9154846f, -1.9046538f})
                .step(G2, new float[] {0.8988179f, -1.9233855f}).run();
    }
}
