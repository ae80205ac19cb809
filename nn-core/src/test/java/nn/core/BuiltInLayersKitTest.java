package nn.core;

import java.util.Map;
import nn.testkit.LayerTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every built-in layer through the one harness. */
class BuiltInLayersKitTest {

    @Test
    void denseWithBias() {
        LayerTestKit.of(new DenseProvider()).config(Map.of("units", 3)).inputShape(5)
                .expectOutputShape(3).expectWeights(2, 0).run();
    }

    @Test
    void denseWithoutBiasAsInTheTutorial() {
        LayerTestKit.of(new DenseProvider()).config(Map.of("units", 4, "use_bias", false)).inputShape(6)
                .expectOutputShape(4).expectWeights(1, 0).run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "softmax", "sigmoid", "tanh", "elu", "leaky_relu", "gelu", "linear"})
    void denseWithEachActivation(String activation) {
        LayerTestKit.of(new DenseProvider()).config(Map.of("units", 3, "activation", activation)).inputShape(4)
                .expectOutputShape(3).expectWeights(2, 0).run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "softmax", "sigmoid", "tanh", "elu", "leaky_relu", "gelu", "linear"})
    void activationLayer(String activation) {
        LayerTestKit.of(new ActivationLayerProvider()).config(Map.of("activation", activation)).inputShape(5)
                .expectOutputShape(5).expectWeights(0, 0).run();
    }

    @Test
    void flatten() {
        LayerTestKit.of(new FlattenProvider()).config(Map.of()).inputShape(3, 4)
                .expectOutputShape(12).expectWeights(0, 0).run();
    }

    @Test
    void dropout() {
        LayerTestKit.of(new DropoutProvider()).config(Map.of("rate", 0.25)).inputShape(6)
                .expectOutputShape(6).expectWeights(0, 0)
                .skipGradientCheck("the training forward pass draws a new random mask each call; DropoutTest checks the mask gradient")
                .run();
    }

    @Test
    void dropoutWithRateZeroPassesTheGradientCheck() {
        LayerTestKit.of(new DropoutProvider()).config(Map.of("rate", 0.0)).inputShape(6)
                .expectOutputShape(6).expectWeights(0, 0).run();
    }

    @Test
    void theKitResolvesActivationsWithTheResolverItIsGiven() {
        PluginRegistry registry = PluginRegistry.of(new DenseProvider(), new PluginRegistryTest.Squash());
        LayerTestKit.of(new DenseProvider()).config(Map.of("units", 3, "activation", "squash")).resolver(registry)
                .inputShape(4).expectOutputShape(3).expectWeights(2, 0).run();
    }
}
