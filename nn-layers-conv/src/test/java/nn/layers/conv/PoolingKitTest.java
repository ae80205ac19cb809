package nn.layers.conv;

import java.util.List;
import java.util.Map;
import nn.testkit.LayerTestKit;
import org.junit.jupiter.api.Test;

/** The weightless layers through the shared layer harness. */
class PoolingKitTest {

    @Test
    void maxPoolingValid() {
        LayerTestKit.of(new MaxPooling2DProvider()).config(Map.of()).inputShape(6, 4, 3).expectOutputShape(3, 2, 3)
                .expectWeights(0, 0).run();
    }

    @Test
    void maxPoolingSameStrideTwoOnOddSizes() {
        LayerTestKit.of(new MaxPooling2DProvider()).config(Map.of("pool_size", 3, "strides", 2, "padding", "same"))
                .inputShape(7, 5, 2).expectOutputShape(4, 3, 2).expectWeights(0, 0).run();
    }

    @Test
    void averagePoolingValid() {
        LayerTestKit.of(new AveragePooling2DProvider()).config(Map.of("pool_size", List.of(2, 3), "strides", 1))
                .inputShape(5, 5, 2).expectOutputShape(4, 3, 2).expectWeights(0, 0).run();
    }

    @Test
    void averagePoolingSameStrideTwoOnOddSizes() {
        LayerTestKit.of(new AveragePooling2DProvider()).config(Map.of("pool_size", 2, "padding", "same"))
                .inputShape(5, 7, 3).expectOutputShape(3, 4, 3).expectWeights(0, 0).run();
    }

    @Test
    void globalAveragePooling() {
        LayerTestKit.of(new GlobalAveragePooling2DProvider()).config(Map.of()).inputShape(3, 5, 4).expectOutputShape(4)
                .expectWeights(0, 0).run();
    }

    @Test
    void reshapeWithInferredDimension() {
        LayerTestKit.of(new ReshapeProvider()).config(Map.of("target_shape", List.of(4, -1, 1))).inputShape(6, 2)
                .expectOutputShape(4, 3, 1).expectWeights(0, 0).run();
    }
}
