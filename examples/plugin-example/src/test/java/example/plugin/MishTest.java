package example.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import nn.api.Config;
import nn.testkit.GradientCheck;
import nn.testkit.LayerTestKit;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class MishTest {
    private final Mish mish = new Mish();

    @Test
    void knownValues() {
        FMatrixRMaj x = row(0f, 1f, -1f, 20f);
        FMatrixRMaj y = new FMatrixRMaj(1, 4);
        mish.forward(x, y);
        assertArrayEquals(new float[] {0f, 0.8650984f, -0.3034014f, 20f}, y.data, 1e-6f);
    }

    /** mish'(0) = tanh(ln 2) = 0.6. */
    @Test
    void derivativeAtZero() {
        FMatrixRMaj dx = new FMatrixRMaj(1, 1);
        mish.backward(row(0f), row(0f), row(1f), dx);
        assertEquals(0.6f, dx.data[0], 1e-7f);
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        FMatrixRMaj x = RandomMatrices.normal(4, 5, 3f, 0f, 42);
        FMatrixRMaj r = RandomMatrices.normal(4, 5, 43);
        FMatrixRMaj y = new FMatrixRMaj(4, 5);
        FMatrixRMaj dx = new FMatrixRMaj(4, 5);
        mish.forward(x, y);
        mish.backward(x, y, r, dx); // dx = d(sum r * mish(x)) / dx

        GradientCheck.assertGradient("mish", x.data, dx.data, x.getNumElements(), () -> {
            mish.forward(x, y);
            double loss = 0;
            for (int i = 0; i < y.getNumElements(); i++) {
                loss += (double) r.data[i] * y.data[i];
            }
            return loss;
        });
    }

    @Test
    void stableForLargeInputs() {
        FMatrixRMaj x = row(-1e4f, -100f, 100f, 1e4f);
        FMatrixRMaj y = new FMatrixRMaj(1, 4);
        FMatrixRMaj dx = new FMatrixRMaj(1, 4);
        mish.forward(x, y);
        mish.backward(x, y, row(1f, 1f, 1f, 1f), dx);
        LayerTestKit.assertFinite(y, "mish of large inputs");
        LayerTestKit.assertFinite(dx, "mish' of large inputs");
        assertArrayEquals(new float[] {0f, 0f, 100f, 1e4f}, y.data, 1e-6f);
        assertArrayEquals(new float[] {0f, 0f, 1f, 1f}, dx.data, 1e-6f);
    }

    @Test
    void backwardMayOverwriteItsGradient() {
        FMatrixRMaj x = row(0f, 2f);
        FMatrixRMaj y = new FMatrixRMaj(1, 2);
        FMatrixRMaj dy = row(1f, 1f);
        mish.forward(x, y);
        mish.backward(x, y, dy, dy);
        assertArrayEquals(new float[] {0.6f, (float) Mish.derivative(2)}, dy.data, 1e-7f);
    }

    @Test
    void isItsOwnProvider() {
        assertEquals("mish", mish.name());
        assertSame(mish, mish.create(Config.empty("activation mish")));
    }

    private static FMatrixRMaj row(float... values) {
        return new FMatrixRMaj(1, values.length, true, values);
    }
}
