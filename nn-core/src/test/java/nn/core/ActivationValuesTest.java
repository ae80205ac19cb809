package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import nn.api.Activation;
import nn.api.Config;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Reference values computed by hand (or with a calculator) for each activation. */
class ActivationValuesTest {

    private static float[] apply(Activation activation, float... x) {
        FMatrixRMaj in = new FMatrixRMaj(1, x.length, true, x);
        FMatrixRMaj out = new FMatrixRMaj(1, x.length);
        activation.forward(in, out);
        return out.data;
    }

    @Test
    void relu() {
        assertArrayEquals(new float[] {0f, 0f, 2.5f}, apply(new Relu(), -1f, 0f, 2.5f));
    }

    @Test
    void sigmoidAndTanh() {
        // sigmoid(0) = 1/2; sigmoid(2) = 1 / (1 + e^-2) = 0.8807971
        assertArrayEquals(new float[] {0.5f, 0.8807971f}, apply(new Sigmoid(), 0f, 2f), 1e-7f);
        // tanh(1) = 0.7615942
        assertArrayEquals(new float[] {0f, 0.7615942f}, apply(new Tanh(), 0f, 1f), 1e-7f);
    }

    @Test
    void eluAndLeakyRelu() {
        // elu(-1) = e^-1 - 1 = -0.6321206
        assertArrayEquals(new float[] {-0.6321206f, 3f}, apply(new Elu(), -1f, 3f), 1e-7f);
        // leaky_relu(-1) = 0.2 * -1
        assertArrayEquals(new float[] {-0.2f, 3f}, apply(new LeakyRelu(), -1f, 3f), 1e-7f);
        Activation custom = new LeakyRelu().create(Config.of("activation leaky_relu", Map.of("alpha", 0.1)));
        assertArrayEquals(new float[] {-0.1f}, apply(custom, -1f), 1e-7f);
        assertEquals(Map.of("alpha", (double) 0.1f), custom.config());
    }

    @Test
    void leakyReluRejectsNegativeAlpha() {
        NnException e = assertThrows(NnException.class, () -> new LeakyRelu(-1f));
        assertEquals("activation leaky_relu: 'alpha' must be >= 0, got -1.0", e.getMessage());
    }

    @Test
    void geluExact() {
        // gelu(1) = 1 * Phi(1) = 0.8413447; gelu(-1) = -1 * Phi(-1) = -0.1586553
        assertArrayEquals(new float[] {0.8413447f, -0.1586553f, 0f}, apply(new Gelu(), 1f, -1f, 0f), 1e-6f);
    }

    @Test
    void erfMatchesKnownValues() {
        // erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(-2) = -0.9953222650
        assertEquals(0.5204998778, Erf.erf(0.5), 2e-7);
        assertEquals(0.8427007929, Erf.erf(1.0), 2e-7);
        assertEquals(-0.9953222650, Erf.erf(-2.0), 2e-7);
    }

    @Test
    void softmaxRowsSumToOneAndAreStableForLargeLogits() {
        // softmax(1, 2, 3) = e^(x-3) / (e^-2 + e^-1 + 1) = (0.09003057, 0.24472847, 0.66524096)
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, apply(new Softmax(), 1f, 2f, 3f), 1e-7f);
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f},
                apply(new Softmax(), 1001f, 1002f, 1003f), 1e-7f);
    }

    @Test
    void softmaxBackwardIsTheJacobianProduct() {
        float[] y = apply(new Softmax(), 1f, 2f, 3f);
        FMatrixRMaj dy = new FMatrixRMaj(1, 3, true, 1f, 0f, 0f);
        FMatrixRMaj dx = new FMatrixRMaj(1, 3);
        new Softmax().backward(null, new FMatrixRMaj(1, 3, true, y), dy, dx);
        // dy = e_0: dx_j = y_j (delta_0j - y_0)
        assertArrayEquals(new float[] {y[0] * (1 - y[0]), -y[1] * y[0], -y[2] * y[0]}, dx.data, 1e-7f);
    }
}
