package nn.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nn.api.ElementwiseActivation;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ActivationTestKitTest {

    /** softsign(x) = x / (1 + |x|), which is infinity / infinity at the ends; softsign' = 1 / (1 + |x|)^2. */
    private static class Softsign extends ElementwiseActivation {
        @Override
        public String name() {
            return "softsign";
        }

        @Override
        protected float apply(float x) {
            return Float.isInfinite(x) ? Math.signum(x) : x / (1f + Math.abs(x));
        }

        @Override
        protected float derivative(float x, float y) {
            return 1f / ((1f + Math.abs(x)) * (1f + Math.abs(x)));
        }
    }

    @Test
    void aCorrectActivationPasses() {
        ActivationTestKit.of(new Softsign()).limits(-1f, 1f).run();
    }

    /** A range forward that writes its results from index 0 whatever range it is given. */
    @Test
    void aRangeForwardThatIgnoresItsRangeFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ActivationTestKit.of(new Softsign() {
            @Override
            public void forward(float[] x, float[] y, int from, int to) {
                for (int i = from; i < to; i++) {
                    y[i - from] = apply(x[i]);
                }
            }
        }).limits(-1f, 1f).run());
        assertTrue(e.getMessage().contains("in ranges"), e.getMessage());
    }

    @Test
    void aWrongDerivativeFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ActivationTestKit.of(new Softsign() {
            @Override
            protected float derivative(float x, float y) {
                return 1f / (1f + Math.abs(x));
            }
        }).run());
        assertTrue(e.getMessage().contains("softsign derivative"), e.getMessage());
    }

    @Test
    void turningNaNIntoANumberFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ActivationTestKit.of(new Softsign() {
            @Override
            protected float apply(float x) {
                return Float.isNaN(x) ? 0f : super.apply(x);
            }
        }).run());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void overflowOnLargeInputsFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ActivationTestKit.of(new Softsign() {
            @Override
            protected float apply(float x) {
                return x * x / (x * (1f + Math.abs(x)));   // x * x overflows: infinity / infinity is NaN
            }
        }).run());
        assertTrue(e.getMessage().contains("large finite inputs"), e.getMessage());
    }

    @Test
    void wrongLimitsFail() {
        assertThrows(AssertionFailedError.class, () -> ActivationTestKit.of(new Softsign()).limits(0f, 1f).run());
    }
}
