package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Layer;
import nn.api.LayerProvider;
import nn.kernels.vector.VectorKernels;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Once warm, a training forward and backward of each layer allocates nothing (and inference neither). */
class WarmPassesAllocateNothingTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static Layer layer(String type, BuildContext context, int height, int channels) {
        Map<String, Object> conv = Map.of("filters", 4, "kernel_size", 3, "padding", "same", "activation", "relu");
        LayerProvider provider = switch (type) {
            case "Conv2D" -> new Conv2DProvider();
            case "MaxPooling2D" -> new MaxPooling2DProvider();
            case "AveragePooling2D" -> new AveragePooling2DProvider();
            case "GlobalAveragePooling2D" -> new GlobalAveragePooling2DProvider();
            default -> new ReshapeProvider();
        };
        Map<String, Object> config = switch (type) {
            case "Conv2D" -> conv;
            case "Reshape" -> Map.of("target_shape", List.of(-1));
            default -> Map.of();
        };
        return Layers.built(provider, config, context, height, 8, channels);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "Reshape"})
    void warmPasses(String type) {
        assertWarmPassesAllocateNothing(layer(type, BuildContext.seeded(1), 9, 3), type);
    }

    /**
     * On the vector kernels, with enough channels for whole vectors (and a tail) in the window
     * passes; 9 rows leave the last one out of the 2x2 pools, 8 are tiled by them.
     */
    @ParameterizedTest
    @CsvSource({"Conv2D, 9", "MaxPooling2D, 9", "MaxPooling2D, 8"})
    void warmPassesOnTheVectorKernels(String type, int height) {
        try (VectorKernels kernels = new VectorKernels()) {
            assertWarmPassesAllocateNothing(layer(type, new BuildContext(kernels, new SplittableRandom(1)), height, 35),
                    type + ", vector, " + height + " rows");
        }
    }

    private static void assertWarmPassesAllocateNothing(Layer layer, String type) {
        FMatrixRMaj x = RandomMatrices.normal(8, layer.inputShape().size(), 1);
        FMatrixRMaj dy = RandomMatrices.normal(8, layer.outputShape().size(), 2);
        for (int i = 0; i < 3000; i++) {
            layer.forward(x, true);
            layer.backward(dy, true);
            layer.forward(x, false);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            layer.forward(x, true);
            layer.backward(dy, true);
            layer.forward(x, false);
        }
        assertEquals(0, THREADS.getCurrentThreadAllocatedBytes() - before, type + ": bytes allocated by 100 warm passes");
    }
}
