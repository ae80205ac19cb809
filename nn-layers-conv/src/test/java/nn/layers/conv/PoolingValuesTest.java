package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import nn.api.Layer;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Hand-computed pools of the 4x4 input 1..16, with a second channel holding the negated values. */
class PoolingValuesTest {

    private static FMatrixRMaj twoChannels() {
        float[] x = Layers.oneToSixteen();
        float[] both = new float[32];
        for (int i = 0; i < 16; i++) {
            both[2 * i] = x[i];
            both[2 * i + 1] = -x[i];
        }
        return new FMatrixRMaj(1, 32, true, both);
    }

    private static float[] pool(Layer layer) {
        return layer.forward(twoChannels(), true).data;
    }

    @Test
    void maxPoolingTwo() {
        Layer layer = Layers.built(new MaxPooling2DProvider(), Map.of(), 4, 4, 2);
        assertArrayEquals(new float[] {6, -1, 8, -3, 14, -9, 16, -11}, pool(layer));
        float[] dx = layer.backward(new FMatrixRMaj(1, 8, true, 1, 2, 3, 4, 5, 6, 7, 8), true).data;
        float[] expected = new float[32];
        expected[2 * 5] = 1;
        expected[2 * 0 + 1] = 2;
        expected[2 * 7] = 3;
        expected[2 * 2 + 1] = 4;
        expected[2 * 13] = 5;
        expected[2 * 8 + 1] = 6;
        expected[2 * 15] = 7;
        expected[2 * 10 + 1] = 8;
        assertArrayEquals(expected, dx);
    }

    @Test
    void averagePoolingTwo() {
        Layer layer = Layers.built(new AveragePooling2DProvider(), Map.of(), 4, 4, 2);
        assertArrayEquals(new float[] {3.5f, -3.5f, 5.5f, -5.5f, 11.5f, -11.5f, 13.5f, -13.5f}, pool(layer));
        float[] dx = layer.backward(new FMatrixRMaj(1, 8, true, 4, 0, 0, 0, 0, 0, 0, 8), true).data;
        float[] expected = new float[32];
        for (int i : new int[] {0, 1, 4, 5}) {
            expected[2 * i] = 1;
        }
        for (int i : new int[] {10, 11, 14, 15}) {
            expected[2 * i + 1] = 2;
        }
        assertArrayEquals(expected, dx);
    }

    @Test
    void samePaddingIsNeverTheMaximumAndNotCountedInTheMean() {
        Map<String, Object> config = Map.of("pool_size", List.of(3, 3), "strides", 2, "padding", "same");
        // windows: rows 0-2 / cols 0-2, rows 0-2 / cols 2-3, rows 2-3 / cols 0-2, rows 2-3 / cols 2-3 (padding after)
        float[] max = pool(Layers.built(new MaxPooling2DProvider(), config, 4, 4, 2));
        assertArrayEquals(new float[] {11, -1, 12, -3, 15, -9, 16, -11}, max);
        float[] mean = pool(Layers.built(new AveragePooling2DProvider(), config, 4, 4, 2));
        assertArrayEquals(new float[] {6, -6, 7.5f, -7.5f, 12, -12, 13.5f, -13.5f}, mean);
    }

    @Test
    void globalAveragePoolingMeansEachChannel() {
        Layer layer = Layers.built(new GlobalAveragePooling2DProvider(), Map.of(), 4, 4, 2);
        assertArrayEquals(new float[] {8.5f, -8.5f}, pool(layer));
    }
}
