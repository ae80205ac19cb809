package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.ColumnOps;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.api.Layer;
import nn.kernels.vector.VectorKernels;
import nn.testkit.RandomMatrices;
import nn.testkit.RecordingKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conv2D on the vector kernels equals a direct convolution in plain Java bit for bit (the vector
 * products are one fma chain per element, k ascending: here taps then channels for the forward
 * pass, samples then positions for the kernel gradient, filters for the input gradient), for one
 * or two threads, in one batch or in inference chunks; and the EJML kernels agree within rounding.
 */
class Conv2DKernelsTest {
    private static final Map<String, Object> CONFIG = Map.of("filters", 6, "kernel_size", List.of(3, 2), "strides",
            List.of(2, 1), "padding", "same", "bias_initializer", "random_normal");
    private static final int BATCH = 3;

    /** 7x6 images of {@code channels} channels: 5 (less than a vector), 35 (vectors and a tail on any width). */
    private static Layer conv(Kernels kernels, int channels) {
        return Layers.built(new Conv2DProvider(), CONFIG, new BuildContext(kernels, new SplittableRandom(3)), 7, 6, channels);
    }

    private record Pass(float[] y, float[] dx, float[] dKernel, float[] dBias) {
    }

    private static Pass run(Layer layer) {
        FMatrixRMaj x = RandomMatrices.normal(BATCH, layer.inputShape().size(), 11);
        float[] y = layer.forward(x, true).data.clone();
        FMatrixRMaj dy = RandomMatrices.normal(BATCH, layer.outputShape().size(), 12);
        float[] dx = layer.backward(dy, true).data.clone();
        return new Pass(y, dx, layer.variable("kernel").gradient().data.clone(), layer.variable("bias").gradient().data.clone());
    }

    /** The plain-Java convolution, walking the same windows: one fma chain per element. */
    private static Pass direct(Layer layer) {
        Windows w = new Windows("direct", layer.inputShape(), new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, Padding.SAME);
        float[] x = RandomMatrices.normal(BATCH, layer.inputShape().size(), 11).data;
        float[] dy = RandomMatrices.normal(BATCH, layer.outputShape().size(), 12).data;
        float[] k = layer.variable("kernel").value().data;
        float[] b = layer.variable("bias").value().data;
        int c = w.channels;
        int f = 6;
        int in = x.length / BATCH;
        int p = w.positions();
        float[] y = new float[BATCH * p * f];
        float[] dx = new float[x.length];
        float[] dk = new float[k.length];
        for (int s = 0; s < BATCH; s++) {
            for (int pos = 0; pos < p; pos++) {
                int row = s * p + pos;
                for (int o = 0; o < f; o++) {
                    float acc = 0;
                    for (int t = 0; t < w.taps; t++) {
                        int from = w.offsets[pos * w.taps + t];
                        for (int ch = 0; ch < c; ch++) {
                            acc = Math.fma(from < 0 ? 0 : x[s * in + from + ch], k[(t * c + ch) * f + o], acc);
                        }
                    }
                    y[row * f + o] = acc + b[o];
                }
                for (int t = 0; t < w.taps; t++) {
                    int to = w.offsets[pos * w.taps + t];
                    for (int ch = 0; ch < c; ch++) {
                        float acc = 0;
                        for (int o = 0; o < f; o++) {
                            acc = Math.fma(dy[row * f + o], k[(t * c + ch) * f + o], acc);
                        }
                        if (to >= 0) {
                            dx[s * in + to + ch] += acc;
                        }
                    }
                }
            }
        }
        for (int t = 0; t < w.taps; t++) {
            for (int ch = 0; ch < c; ch++) {
                for (int o = 0; o < f; o++) {
                    float acc = 0;
                    for (int row = 0; row < BATCH * p; row++) {
                        int from = w.offsets[(row % p) * w.taps + t];
                        acc = Math.fma(from < 0 ? 0 : x[(row / p) * in + from + ch], dy[row * f + o], acc);
                    }
                    dk[(t * c + ch) * f + o] = acc;
                }
            }
        }
        float[] db = new float[f];
        ColumnOps.columnSums(new FMatrixRMaj(BATCH * p, f, true, dy), db);
        return new Pass(y, dx, dk, db);
    }

    private static void assertSame(Pass expected, Pass actual, float tolerance, String what) {
        assertArrayEquals(expected.y, actual.y, tolerance, what + ": output");
        assertArrayEquals(expected.dx, actual.dx, tolerance, what + ": input gradient");
        assertArrayEquals(expected.dKernel, actual.dKernel, tolerance, what + ": kernel gradient");
        assertArrayEquals(expected.dBias, actual.dBias, tolerance, what + ": bias gradient");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 35})
    void vectorKernelsEqualTheDirectConvolutionBitForBitOnOneAndTwoThreads(int channels) {
        try (VectorKernels one = new VectorKernels(); VectorKernels two = new VectorKernels().withThreads(2)) {
            Layer layer = conv(one, channels);
            Pass expected = direct(layer);
            assertSame(expected, run(layer), 0f, "vector, one thread");
            assertSame(expected, run(conv(two, channels)), 0f, "vector, two threads");
        }
    }

    @Test
    void ejmlKernelsAgreeWithinRounding() {
        Layer layer = conv(new EjmlKernels(), 5);
        assertSame(direct(layer), run(layer), 1e-4f, "ejml");
    }

    @Test
    void inferenceInChunksEqualsTheWholeBatch() {
        try (VectorKernels kernels = new VectorKernels()) {
            Layer layer = Layers.built(new Conv2DProvider(), Map.of("filters", 8, "kernel_size", List.of(3, 2), "padding", "same"),
                    new BuildContext(kernels, new SplittableRandom(5)), 28, 28, 8);
            int perChunk = Im2colConvolution.INFERENCE_CHUNK_FLOATS / (28 * 28 * 6 * 8);
            FMatrixRMaj x = RandomMatrices.normal(2 * perChunk + 3, 28 * 28 * 8, 13);
            float[] whole = layer.forward(x, true).data.clone();
            assertArrayEquals(whole, layer.forward(x, false).data, 0f);
        }
    }

    @Test
    void aReluConvolutionTakesTheKernelsReluPass() {
        RecordingKernels recording = new RecordingKernels();
        Map<String, Object> config = new java.util.HashMap<>(CONFIG);
        config.put("activation", "relu");
        Layer layer = Layers.built(new Conv2DProvider(), config, new BuildContext(recording.kernels(), new SplittableRandom(3)), 7,
                6, 5);
        layer.forward(RandomMatrices.normal(BATCH, layer.inputShape().size(), 11), true);
        layer.backward(RandomMatrices.normal(BATCH, layer.outputShape().size(), 12), true);
        assertTrue(recording.calls().contains("reluBackward"), recording.calls().toString());
    }
}
