package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import nn.api.Activation;
import nn.api.BuildContext;
import nn.api.Shape;
import nn.testkit.RangeCuttingKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An Activation layer cuts an elementwise activation's passes into ranges for its kernels' threads,
 * with the bits of the activation over the whole batch, unless the kernels have a pass of their own
 * (ReLU's backward); other activations (softmax) stay whole.
 */
class ActivationLayerRangesTest {
    private static final int ROWS = 7;
    private static final int COLUMNS = 1001;

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "elu", "sigmoid"})
    void anElementwiseActivationCutIntoRangesGivesTheWholeBatchBits(String name) {
        RangeCuttingKernels cutting = new RangeCuttingKernels(333);
        ActivationLayer layer = new ActivationLayer(name);
        layer.build(Shape.of(COLUMNS), new BuildContext(cutting.kernels(), new SplittableRandom(1)));
        FMatrixRMaj x = random(ROWS, COLUMNS, 3);
        FMatrixRMaj dy = random(ROWS, COLUMNS, 4);
        Activation whole = layer.activation();
        FMatrixRMaj expectedY = new FMatrixRMaj(ROWS, COLUMNS);
        FMatrixRMaj expectedDx = new FMatrixRMaj(ROWS, COLUMNS);
        whole.forward(x, expectedY);
        whole.backward(x, expectedY, dy, expectedDx);

        assertArrayEquals(expectedY.data, layer.forward(x, true).data, name + " forward");
        assertArrayEquals(expectedDx.data, layer.backward(dy, true).data, name + " backward");
        assertEquals(List.of(ROWS * COLUMNS, ROWS * COLUMNS), cutting.sizes(), "forward and backward in ranges");
    }

    @Test
    void reluCutsItsForwardAndLeavesItsBackwardToTheKernelsOwnPass() {
        RangeCuttingKernels cutting = new RangeCuttingKernels(333);
        ActivationLayer layer = new ActivationLayer("relu");
        layer.build(Shape.of(COLUMNS), new BuildContext(cutting.kernels(), new SplittableRandom(1)));
        FMatrixRMaj x = random(ROWS, COLUMNS, 3);
        x.data[5] = 0f;
        FMatrixRMaj dy = random(ROWS, COLUMNS, 4);
        FMatrixRMaj y = layer.forward(x, true);
        FMatrixRMaj dx = layer.backward(dy, true);
        for (int i = 0; i < x.data.length; i++) {
            assertEquals(x.data[i] > 0 ? dy.data[i] : 0f, dx.data[i], "element " + i);
            assertEquals(Math.max(x.data[i], 0f), y.data[i], "element " + i);
        }
        assertEquals(List.of(ROWS * COLUMNS), cutting.sizes(), "the forward in ranges, the backward in one kernel call");
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax"})
    void aRowWiseActivationStaysWhole(String name) {
        RangeCuttingKernels cutting = new RangeCuttingKernels(333);
        ActivationLayer layer = new ActivationLayer(name);
        layer.build(Shape.of(COLUMNS), new BuildContext(cutting.kernels(), new SplittableRandom(1)));
        FMatrixRMaj x = random(ROWS, COLUMNS, 3);
        FMatrixRMaj expected = new FMatrixRMaj(ROWS, COLUMNS);
        layer.activation().forward(x, expected);
        assertArrayEquals(expected.data, layer.forward(x, true).data);
        layer.backward(random(ROWS, COLUMNS, 4), true);
        assertEquals(List.of(), cutting.sizes(), "no ranges");
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
