package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nn.api.LayerProvider;
import nn.api.NnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Settings nn does not implement, and inputs that do not fit: one line naming the layer, the setting and the problem. */
class BadConfigTest {

    private static void fails(Executable creation, String... expectedParts) {
        NnException e = assertThrows(NnException.class, creation);
        for (String part : expectedParts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should contain '" + part + "'");
        }
        assertTrue(!e.getMessage().contains("\n"), () -> "one line: " + e.getMessage());
    }

    private static Executable conv(Map<String, ?> config, int... inputShape) {
        return () -> Layers.built(new Conv2DProvider(), config, inputShape);
    }

    @Test
    void unsupportedConvSettings() {
        fails(conv(Map.of("filters", 2, "kernel_size", 3, "data_format", "channels_first"), 5, 5, 1),
                "Conv2D", "'data_format'", "channels_last", "channels_first");
        fails(conv(Map.of("filters", 2, "kernel_size", 3, "groups", 2), 5, 5, 2), "Conv2D", "'groups'", "only 1");
        fails(conv(Map.of("filters", 2, "kernel_size", 3, "strides", 2, "dilation_rate", 2), 9, 9, 1),
                "Conv2D", "'dilation_rate'", "strides");
        fails(conv(Map.of("filters", 2, "kernel_size", 3, "padding", "causal"), 5, 5, 1), "Conv2D", "'padding'", "causal");
        fails(conv(Map.of("filters", 2), 5, 5, 1), "Conv2D", "'kernel_size'", "required");
        fails(conv(Map.of("filters", 2, "kernel_size", List.of(3, 0)), 5, 5, 1), "Conv2D", "'kernel_size'");
        fails(conv(Map.of("kernel_size", 3), 5, 5, 1), "Conv2D", "'filters'");
        fails(conv(Map.of("filters", 2, "kernel_size", 3, "kernel_regularizer", "l2"), 5, 5, 1), "kernel_regularizer");
    }

    @Test
    void inputsThatDoNotFit() {
        fails(conv(Map.of("filters", 2, "kernel_size", 3), 28, 28), "conv2d", "(height, width, channels)", "Reshape");
        fails(conv(Map.of("filters", 2, "kernel_size", 5), 4, 4, 1), "conv2d", "does not fit", "valid");
        fails(() -> Layers.built(new GlobalAveragePooling2DProvider(), Map.of(), 10), "global_average_pooling2d");
        fails(() -> Layers.built(new MaxPooling2DProvider(), Map.of("pool_size", 3), 2, 2, 1), "max_pooling2d");
    }

    @Test
    void unsupportedPoolingAndReshapeSettings() {
        LayerProvider max = new MaxPooling2DProvider();
        fails(() -> Layers.built(max, Map.of("data_format", "channels_first"), 4, 4, 1), "MaxPooling2D", "'data_format'");
        fails(() -> Layers.built(new GlobalAveragePooling2DProvider(), Map.of("keepdims", true), 4, 4, 1),
                "GlobalAveragePooling2D", "'keepdims'");
        fails(() -> Layers.built(new ReshapeProvider(), Map.of("target_shape", List.of(-1, -1)), 4), "Reshape", "'target_shape'");
        fails(() -> Layers.built(new ReshapeProvider(), Map.of("target_shape", List.of(5, -1)), 12), "reshape", "(12,)",
                "[5, -1]");
        fails(() -> Layers.built(new ReshapeProvider(), Map.of("target_shape", List.of(28, 28, 2)), 28, 28), "reshape");
    }
}
