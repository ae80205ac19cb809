package nn.layers.conv;

import java.util.List;
import java.util.Map;
import nn.testkit.LayerTestKit;
import org.junit.jupiter.api.Test;

/** Conv2D through the shared layer harness: gradients of input, kernel and bias by finite differences. */
class Conv2DKitTest {

    private static LayerTestKit kit(Map<String, ?> config) {
        return LayerTestKit.of(new Conv2DProvider()).config(config);
    }

    @Test
    void validThreeByThree() {
        kit(Map.of("filters", 4, "kernel_size", 3)).inputShape(6, 5, 2).expectOutputShape(4, 3, 4).expectWeights(2, 0).run();
    }

    @Test
    void sameStrideTwoOnOddSizes() {
        kit(Map.of("filters", 3, "kernel_size", List.of(3, 2), "strides", 2, "padding", "same"))
                .inputShape(7, 5, 3).expectOutputShape(4, 3, 3).expectWeights(2, 0).run();
    }

    @Test
    void sameEvenKernelPadsMoreAtTheEnd() {
        kit(Map.of("filters", 2, "kernel_size", 4, "padding", "same")).inputShape(5, 6, 1).expectOutputShape(5, 6, 2)
                .expectWeights(2, 0).run();
    }

    @Test
    void dilatedWithoutBiasWithActivation() {
        kit(Map.of("filters", 3, "kernel_size", 2, "dilation_rate", 2, "use_bias", false, "activation", "tanh"))
                .inputShape(5, 5, 2).expectOutputShape(3, 3, 3).expectWeights(1, 0).run();
    }

    @Test
    void winogradSameOnOddSizes() {
        kit(Map.of("filters", 3, "kernel_size", 3, "padding", "same")).inputShape(5, 7, Conv2D.WINOGRAD_MIN_CHANNELS)
                .expectOutputShape(5, 7, 3).expectWeights(2, 0).run();
    }

    @Test
    void winogradValidWithRelu() {
        kit(Map.of("filters", 4, "kernel_size", 3, "activation", "relu", "bias_initializer", "ones"))
                .inputShape(6, 5, Conv2D.WINOGRAD_MIN_CHANNELS + 1).expectOutputShape(4, 3, 4).expectWeights(2, 0).run();
    }

    @Test
    void stridedValidWithRelu() {
        kit(Map.of("filters", 5, "kernel_size", 3, "strides", List.of(2, 1), "activation", "relu",
                "bias_initializer", "ones")).inputShape(8, 5, 3).expectOutputShape(3, 3, 5).expectWeights(2, 0).run();
    }
}
