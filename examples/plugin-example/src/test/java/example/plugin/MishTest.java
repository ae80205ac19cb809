package example.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import nn.testkit.ActivationTestKit;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class MishTest {

    /** Finite differences, config round trip, NaN, large inputs; mish(-inf) = -inf * tanh(0) is NaN. */
    @Test
    void passesTheActivationTestKit() {
        ActivationTestKit.of(new Mish()).limits(Float.NaN, Float.POSITIVE_INFINITY).run();
    }

    /** mish(1) = tanh(ln(1 + e)) = 0.8650984, mish(-1) = -tanh(ln(1 + 1/e)) = -0.3034014; mish'(0) = tanh(ln 2) = 0.6. */
    @Test
    void knownValues() {
        Mish mish = new Mish();
        FMatrixRMaj x = new FMatrixRMaj(1, 4, true, 0f, 1f, -1f, 20f);
        FMatrixRMaj y = new FMatrixRMaj(1, 4);
        mish.forward(x, y);
        assertArrayEquals(new float[] {0f, 0.8650984f, -0.3034014f, 20f}, y.data, 1e-6f);
        FMatrixRMaj dx = new FMatrixRMaj(1, 1);
        mish.backward(new FMatrixRMaj(1, 1), new FMatrixRMaj(1, 1), new FMatrixRMaj(1, 1, true, 1f), dx);
        assertArrayEquals(new float[] {0.6f}, dx.data, 1e-7f);
    }
}
