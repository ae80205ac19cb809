package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nn.api.Layer;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed convolutions of the 4x4 input 1..16 with two 3x3 filters: k = 1..9 (row-major) and
 * all ones, bias 0.5 and 0. Keras convolutions are cross-correlations (the kernel is not flipped).
 */
class Conv2DValuesTest {

    private static Layer conv(Map<String, ?> settings) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("filters", 2, "kernel_size", 3));
        config.putAll(settings);
        Layer layer = Layers.built(new Conv2DProvider(), config, 4, 4, 1);
        float[] kernel = layer.variable("kernel").value().data;
        for (int tap = 0; tap < 9; tap++) {
            kernel[tap * 2] = tap + 1;
            kernel[tap * 2 + 1] = 1;
        }
        layer.variable("bias").value().data[0] = 0.5f;
        return layer;
    }

    private static float[] forward(Layer layer) {
        return layer.forward(new FMatrixRMaj(1, 16, true, Layers.oneToSixteen()), false).data;
    }

    @Test
    void kernelIsStoredAsKerasShapeAtKerasPath() {
        Layer layer = conv(Map.of());
        assertEquals("conv2d/kernel:0", layer.weights().get(0).path());
        assertEquals(Shape.of(3, 3, 1, 2), layer.weights().get(0).shape());
        assertEquals("conv2d/bias:0", layer.weights().get(1).path());
        assertEquals(20, layer.countParams());
    }

    @Test
    void valid() {
        Layer layer = conv(Map.of());
        assertEquals(Shape.of(2, 2, 2), layer.outputShape());
        // (row, column, filter) in row-major order; each step right adds sum(k) = 45, each step down 4 * 45
        assertArrayEquals(new float[] {348.5f, 54, 393.5f, 63, 528.5f, 90, 573.5f, 99}, forward(layer));
    }

    @Test
    void sameStrideOnePadsOneOnEachSide() {
        float[] y = forward(conv(Map.of("padding", "same")));
        assertEquals(32, y.length);
        // corner (0, 0): x00 k11 + x01 k12 + x10 k21 + x11 k22 = 1*5 + 2*6 + 5*8 + 6*9
        assertEquals(111.5f, y[0]);
        assertEquals(1 + 2 + 5 + 6, y[1]);
        assertEquals(348.5f, y[(1 * 4 + 1) * 2]);
        // corner (3, 3): x22 k00 + x23 k01 + x32 k10 + x33 k11
        assertEquals(11 + 24 + 60 + 80 + 0.5f, y[(3 * 4 + 3) * 2]);
    }

    @Test
    void sameStrideTwoPadsOnlyAtTheEndAsTensorFlow() {
        Layer layer = conv(Map.of("padding", "same", "strides", 2));
        assertEquals(Shape.of(2, 2, 2), layer.outputShape());
        float[] y = forward(layer);
        // total padding (2 - 1) * 2 + 3 - 4 = 1 goes after: the first window is the top-left 3x3, no padding
        assertEquals(348.5f, y[0]);
        assertEquals(11 + 24 + 60 + 80 + 0.5f, y[6]);
        assertEquals(11 + 12 + 15 + 16, y[7]);
    }

    @Test
    void inputGradientOfValidIsTheKernelSpreadOverEachWindow() {
        Layer layer = Layers.built(new Conv2DProvider(), Map.of("filters", 1, "kernel_size", 3, "use_bias", false), 4, 4, 1);
        float[] kernel = layer.variable("kernel").value().data;
        for (int tap = 0; tap < 9; tap++) {
            kernel[tap] = tap + 1;
        }
        layer.forward(new FMatrixRMaj(1, 16, true, Layers.oneToSixteen()), true);
        FMatrixRMaj dy = new FMatrixRMaj(1, 4, true, 1, 0, 0, 0);
        float[] dx = layer.backward(dy, true).data;
        assertArrayEquals(new float[] {1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0}, dx);
        // dK = the first window of x
        assertArrayEquals(new float[] {1, 2, 3, 5, 6, 7, 9, 10, 11}, layer.variable("kernel").gradient().data);
    }
}
