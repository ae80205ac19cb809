package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.EarlyUpdates;
import nn.api.NnException;
import nn.api.Shape;
import nn.api.Variable;
import nn.testkit.RecordingKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class DenseTest {

    @Test
    void forwardAndBackwardByHand() {
        Dense dense = new Dense(2, "relu", true);
        dense.build(Shape.of(3), BuildContext.seeded(0));
        dense.variable("kernel").assign(new float[] {1, -1, 2, 0, 0, 3});
        dense.variable("bias").assign(new float[] {0.5f, -10f});
        FMatrixRMaj x = new FMatrixRMaj(1, 3, true, 1, 2, 3);
        // z = (1*1 + 2*2 + 3*0 + 0.5, 1*-1 + 2*0 + 3*3 - 10) = (5.5, -2); relu -> (5.5, 0)
        assertArrayEquals(new float[] {5.5f, 0f}, dense.forward(x, true).data);
        FMatrixRMaj dx = dense.backward(new FMatrixRMaj(1, 2, true, 1, 1), true);
        // dz = (1, 0): dW = x^T dz, db = dz, dx = dz W^T = (1, 2, 0)
        assertArrayEquals(new float[] {1, 0, 2, 0, 3, 0}, dense.variable("kernel").gradient().data);
        assertArrayEquals(new float[] {1, 0}, dense.variable("bias").gradient().data);
        assertArrayEquals(new float[] {1, 2, 0}, dx.data);
    }

    @Test
    void aReluDenseLayerTakesTheKernelsReluPass() {
        RecordingKernels recording = new RecordingKernels();
        Dense dense = new Dense(2, "relu", false);
        dense.build(Shape.of(3), new BuildContext(recording.kernels(), new SplittableRandom(0)));
        dense.variable("kernel").assign(new float[] {1, -1, 2, 0, 0, 3});
        dense.forward(new FMatrixRMaj(2, 3, true, 1, 2, 3, -1, -2, -3), true);
        FMatrixRMaj dx = dense.backward(new FMatrixRMaj(2, 2, true, 1, 1, 1, 1), true);
        assertTrue(recording.calls().contains("reluBackward"), recording.calls().toString());
        // z = (5, 8; -5, -8): only the first row passes, dx = (1, 1) W^T = (0, 2, 3) there
        assertArrayEquals(new float[] {0, 2, 3, 0, 0, 0}, dx.data);
    }

    @Test
    void aSoftmaxDenseLayerCutsItsRowsAndGivesTheWholeBatchBits() {
        SplittableRandom random = new SplittableRandom(7);
        FMatrixRMaj x = new FMatrixRMaj(150, 20);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) random.nextGaussian();
        }
        Dense whole = new Dense(10, "softmax", true);
        whole.build(Shape.of(20), BuildContext.seeded(3));
        nn.testkit.RangeCuttingKernels cutting = new nn.testkit.RangeCuttingKernels(Dense.MIN_ACTIVATION_ROWS);
        Dense cut = new Dense(10, "softmax", true);
        cut.build(Shape.of(20), new BuildContext(cutting.kernels(), new SplittableRandom(3)));
        assertArrayEquals(whole.forward(x, true).data, cut.forward(x, true).data);
        assertEquals(java.util.List.of(150), cutting.sizes(), "one forEachRange over the rows");
    }

    /** Without an input gradient nothing reads the kernel after its gradient, so the kernel may be updated early. */
    @Test
    void aFirstLayerHandsItsKernelGradientToEarlyUpdatesALayerAfterOthersDoesNot() {
        Dense dense = new Dense(2, "relu", true);
        dense.build(Shape.of(3), BuildContext.seeded(0));
        dense.variable("kernel").assign(new float[] {1, -1, 2, 0, 0, 3});
        Variable kernel = dense.variable("kernel");
        EarlyUpdates updates = mock(EarlyUpdates.class);
        when(updates.claim(kernel)).thenReturn(true);
        dense.forward(new FMatrixRMaj(1, 3, true, 1, 2, 3), true);
        dense.backward(new FMatrixRMaj(1, 2, true, 1, 1), true, updates);
        verify(updates, never()).claim(any());
        dense.backward(new FMatrixRMaj(1, 2, true, 1, 1), false, updates);
        verify(updates).claim(kernel);
        verify(updates).update(kernel, 0, 6);
        verify(updates, never()).claim(dense.variable("bias"));
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3}, kernel.gradient().data, "the gradient is still there");
    }

    @Test
    void kerasConfigAndInitializerObjects() {
        Dense dense = new Dense(Config.of("layer Dense", Map.of("units", 300, "use_bias", false,
                "kernel_initializer", Map.of("class_name", "HeNormal", "config", Map.of()))));
        Map<String, Object> config = dense.config();
        assertEquals("dense", config.get("name"));
        assertEquals(300, config.get("units"));
        assertEquals("linear", config.get("activation"));
        assertEquals(false, config.get("use_bias"));
        assertEquals("HeNormal", ((Map<?, ?>) config.get("kernel_initializer")).get("class_name"));
    }

    @Test
    void badConfigurationsNameTheKey() {
        assertEquals("layer Dense: 'units' is required",
                assertThrows(NnException.class, () -> new Dense(Config.empty("layer Dense"))).getMessage());
        assertEquals("layer Dense: 'units' must be a positive integer, got -3",
                assertThrows(NnException.class, () -> new Dense(-3)).getMessage());
        assertEquals("layer Dense: 'units' must be an integer, got \"ten\"", assertThrows(NnException.class,
                () -> new Dense(Config.of("layer Dense", Map.of("units", "ten")))).getMessage());
        String unknown = assertThrows(NnException.class, () -> new Dense(3, "relux", true)).getMessage();
        assertTrue(unknown.startsWith("layer Dense: unknown activation 'relux'; known activations: "), unknown);
        assertTrue(unknown.contains("relu"), unknown);
    }

    @Test
    void aMisspeltKeyIsAnErrorListingTheKnownOnes() {
        NnException e = assertThrows(NnException.class,
                () -> new Dense(Config.of("layer Dense", Map.of("unitz", 5))));
        assertEquals("layer Dense: unknown key 'unitz'; known keys: units, activation, use_bias, kernel_initializer,"
                + " bias_initializer, name, trainable, input_shape, batch_input_shape", e.getMessage());
    }

    @Test
    void aRegularizerIsAnErrorUnlessNull() {
        Map<String, Object> keras = new java.util.HashMap<>(Map.of("units", 2, "dtype", "float32"));
        keras.put("kernel_regularizer", null);
        keras.put("activity_regularizer", null);
        keras.put("bias_constraint", null);
        assertEquals(2, new Dense(Config.of("layer Dense", keras)).units());
        keras.put("kernel_regularizer", Map.of("class_name", "L2", "config", Map.of("l2", 0.01)));
        NnException e = assertThrows(NnException.class, () -> new Dense(Config.of("layer Dense", keras)));
        assertTrue(e.getMessage().startsWith("layer Dense: 'kernel_regularizer' is not implemented by nn; only null is"
                + " accepted"), e.getMessage());
    }
}
