package nn.layers.bn;

import java.util.Map;
import nn.testkit.LayerTestKit;
import org.junit.jupiter.api.Test;

/** The shared layer harness (its gradient check runs in training mode, so it checks the batch-statistics backward). */
class BatchNormalizationKitTest {

    private static LayerTestKit kit() {
        return LayerTestKit.of(new BatchNormalizationProvider());
    }

    @Test
    void defaults() {
        kit().config(Map.of()).inputShape(5).expectOutputShape(5).expectWeights(2, 2).run();
    }

    @Test
    void withoutCenter() {
        kit().config(Map.of("center", false)).inputShape(5).expectOutputShape(5).expectWeights(1, 2).run();
    }

    @Test
    void withoutScale() {
        kit().config(Map.of("scale", false)).inputShape(5).expectOutputShape(5).expectWeights(1, 2).run();
    }

    @Test
    void withoutCenterAndScale() {
        kit().config(Map.of("center", false, "scale", false)).inputShape(3).expectOutputShape(3).expectWeights(0, 2).run();
    }

    @Test
    void customMomentumEpsilonAndInitializers() {
        kit().config(Map.of("momentum", 0.9, "epsilon", 1e-5, "gamma_initializer", "random_normal",
                        "beta_initializer", Map.of("class_name", "Constant", "config", Map.of("value", 0.5))))
                .inputShape(4).expectOutputShape(4).expectWeights(2, 2).run();
    }

    @Test
    void scaledAndOffsetInputs() {
        kit().config(Map.of()).inputShape(6).inputs(3f, 10f).batchSize(8).expectOutputShape(6).expectWeights(2, 2).run();
    }

    @Test
    void rankThreeInputNormalizesPerChannel() {
        kit().config(Map.of("axis", 3)).inputShape(2, 3, 4).expectOutputShape(2, 3, 4).expectWeights(2, 2).run();
    }
}
