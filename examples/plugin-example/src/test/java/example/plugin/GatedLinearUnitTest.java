package example.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.api.Layer;
import nn.api.NnException;
import nn.api.Shape;
import nn.testkit.LayerTestKit;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class GatedLinearUnitTest {

    /** The kit checks shapes, weights, config round trip, errors, gradients, a training step and freezing. */
    @Test
    void passesTheLayerTestKit() {
        LayerTestKit.of(new GatedLinearUnitProvider()).config(Map.of("units", 3)).inputShape(5)
                .expectOutputShape(3).expectWeights(4, 0).run();
    }

    @Test
    void passesTheLayerTestKitWithoutBias() {
        LayerTestKit.of(new GatedLinearUnitProvider()).config(Map.of("units", 3, "use_bias", false)).inputShape(5)
                .expectOutputShape(3).expectWeights(2, 0).run();
    }

    @Test
    void passesTheLayerTestKitWithLargeInputs() {
        LayerTestKit.of(new GatedLinearUnitProvider()).config(Map.of("units", 4)).inputShape(6).inputs(3f, 1f)
                .batchSize(9).expectOutputShape(4).expectWeights(4, 0).run();
    }

    /**
     * x = [1, 2] and [0, 0]; W = [[1, -1], [0.5, 2]], b = [0.5, -1]; V = [[0, 1], [0, -0.5]], c = [0, ln 3].
     * Row 1: a = [2.5, 2], g = [1/2, 3/4], y = [1.25, 1.5]. Row 2: a = b, g = sigmoid(c), y = [0.25, -0.75].
     */
    @Test
    void forwardAndBiasGradientsByHand() {
        Layer layer = tinyLayer();
        FMatrixRMaj x = new FMatrixRMaj(2, 2, true, 1, 2, 0, 0);

        FMatrixRMaj y = layer.forward(x, true);
        assertArrayEquals(new float[] {1.25f, 1.5f, 0.25f, -0.75f}, y.data, 1e-6f);

        // dy = 1: db = column sums of g; dc = column sums of a * g * (1 - g)
        layer.backward(new FMatrixRMaj(2, 2, true, 1, 1, 1, 1), false);
        assertArrayEquals(new float[] {1f, 1.5f}, layer.variable("bias").gradient().data, 1e-6f);
        assertArrayEquals(new float[] {2.5f * 0.25f + 0.5f * 0.25f, 2f * 0.1875f - 1f * 0.1875f},
                layer.variable("gate_bias").gradient().data, 1e-6f);
    }

    @Test
    void weightsInOrderWithKerasPaths() {
        Layer layer = tinyLayer();
        assertEquals("[gated_linear_unit/kernel:0 (2, 2), gated_linear_unit/gate_kernel:0 (2, 2), "
                + "gated_linear_unit/bias:0 (2,), gated_linear_unit/gate_bias:0 (2,)]", layer.weights().toString());
        assertEquals(12, layer.countParams());
    }

    @Test
    void usesTheBuildContextKernelsAndReusesItsBuffers() {
        Kernels kernels = mock(Kernels.class, delegatesTo(new EjmlKernels()));
        Layer layer = create(Map.of("units", 3));
        layer.build(Shape.of(4), new BuildContext(kernels, new SplittableRandom(1)));
        FMatrixRMaj x = RandomMatrices.normal(8, 4, 1);

        FMatrixRMaj y = layer.forward(x, true);
        FMatrixRMaj dx = layer.backward(RandomMatrices.normal(8, 3, 2), true);

        verify(kernels, times(2)).mult(any(), any(), any());
        verify(kernels, times(2)).multTransA(any(), any(), any());
        verify(kernels, times(2)).multTransB(any(), any(), any());
        assertSame(y, layer.forward(x, true), "the output buffer is reused");
        assertSame(dx, layer.backward(RandomMatrices.normal(8, 3, 3), true), "the input gradient buffer is reused");
    }

    @Test
    void configHoldsItsKeys() {
        Map<String, Object> config = create(Map.of("units", 7, "use_bias", false)).config();
        assertEquals(7, config.get("units"));
        assertEquals(false, config.get("use_bias"));
        assertEquals("GlorotUniform", ((Map<?, ?>) config.get("kernel_initializer")).get("class_name"));
        assertEquals("gated_linear_unit", config.get("name"));
    }

    @Test
    void nonFlatInputNamesTheLayerAndTheFix() {
        Layer layer = create(Map.of("units", 3));
        NnException e = assertThrows(NnException.class, () -> layer.build(Shape.of(28, 28), BuildContext.seeded(1)));
        assertEquals("layer gated_linear_unit (GatedLinearUnit) needs a flat input (features,), got (28, 28): "
                + "put a Flatten before it", e.getMessage());
        assertTrue(layer.weights().isEmpty());
    }

    @Test
    void badConfigValuesNameTheKey() {
        assertEquals("layer GatedLinearUnit: 'units' is required",
                assertThrows(NnException.class, () -> create(Map.of())).getMessage());
        assertEquals("layer GatedLinearUnit: 'units' must be a positive integer, got 0",
                assertThrows(NnException.class, () -> create(Map.of("units", 0))).getMessage());
        assertTrue(assertThrows(NnException.class, () -> create(Map.of("units", 2, "kernel_initializer", "glorot")))
                .getMessage().contains("unknown initializer"));
        assertEquals("layer GatedLinearUnit: unknown key 'unit'; known keys: units, use_bias, kernel_initializer, name,"
                + " trainable, input_shape, batch_input_shape",
                assertThrows(NnException.class, () -> create(Map.of("unit", 3))).getMessage());
        assertTrue(assertThrows(NnException.class, () -> create(Map.of("units", 2, "kernel_regularizer", "l2")))
                .getMessage().contains("'kernel_regularizer' is not implemented by nn; only null is accepted"));
    }

    private static Layer create(Map<String, ?> config) {
        return new GatedLinearUnitProvider().create(Config.of("layer GatedLinearUnit", config));
    }

    private static Layer tinyLayer() {
        Layer layer = create(Map.of("units", 2));
        layer.build(Shape.of(2), BuildContext.seeded(1));
        layer.variable("kernel").assign(new float[] {1, -1, 0.5f, 2});
        layer.variable("bias").assign(new float[] {0.5f, -1});
        layer.variable("gate_kernel").assign(new float[] {0, 1, 0, -0.5f});
        layer.variable("gate_bias").assign(new float[] {0, (float) Math.log(3)});
        return layer;
    }
}
