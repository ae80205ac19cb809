package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.SplittableRandom;
import nn.api.Activation;
import nn.api.BuildContext;
import nn.api.Kernels;
import nn.api.RangeTask;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An Activation layer cuts an elementwise activation's passes into ranges for its kernels' threads,
 * with the bits of the activation over the whole batch; other activations (softmax) stay whole.
 */
class ActivationLayerRangesTest {
    private static final int ROWS = 7;
    private static final int COLUMNS = 1001;

    @ParameterizedTest
    @ValueSource(strings = {"relu", "gelu", "elu", "sigmoid"})
    void anElementwiseActivationCutIntoRangesGivesTheWholeBatchBits(String name) {
        Kernels cutting = cuttingIntoRangesOf(333);
        ActivationLayer layer = new ActivationLayer(name);
        layer.build(Shape.of(COLUMNS), new BuildContext(cutting, new SplittableRandom(1)));
        FMatrixRMaj x = random(ROWS, COLUMNS, 3);
        FMatrixRMaj dy = random(ROWS, COLUMNS, 4);
        Activation whole = layer.activation();
        FMatrixRMaj expectedY = new FMatrixRMaj(ROWS, COLUMNS);
        FMatrixRMaj expectedDx = new FMatrixRMaj(ROWS, COLUMNS);
        whole.forward(x, expectedY);
        whole.backward(x, expectedY, dy, expectedDx);

        assertArrayEquals(expectedY.data, layer.forward(x, true).data, name + " forward");
        assertArrayEquals(expectedDx.data, layer.backward(dy, true).data, name + " backward");
        verify(cutting, times(2)).forEachRange(eq(ROWS * COLUMNS), eq(ActivationLayer.MIN_RANGE), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax"})
    void aRowWiseActivationStaysWhole(String name) {
        Kernels cutting = cuttingIntoRangesOf(333);
        ActivationLayer layer = new ActivationLayer(name);
        layer.build(Shape.of(COLUMNS), new BuildContext(cutting, new SplittableRandom(1)));
        FMatrixRMaj x = random(ROWS, COLUMNS, 3);
        FMatrixRMaj expected = new FMatrixRMaj(ROWS, COLUMNS);
        layer.activation().forward(x, expected);
        assertArrayEquals(expected.data, layer.forward(x, true).data);
        layer.backward(random(ROWS, COLUMNS, 4), true);
        verify(cutting, never()).forEachRange(anyInt(), anyInt(), any());
    }

    /** Kernels that run a range task in ranges of {@code length}, the last range first. */
    private static Kernels cuttingIntoRangesOf(int length) {
        Kernels kernels = mock(Kernels.class);
        doAnswer(call -> {
            int size = call.getArgument(0);
            RangeTask task = call.getArgument(2);
            for (int from = (size - 1) / length * length; from >= 0; from -= length) {
                task.run(from, Math.min(size, from + length));
            }
            return null;
        }).when(kernels).forEachRange(anyInt(), anyInt(), any());
        return kernels;
    }

    private static FMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (random.nextDouble() * 6 - 3);
        }
        return m;
    }
}
