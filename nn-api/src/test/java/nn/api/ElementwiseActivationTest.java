package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The whole-batch passes are the range passes over everything; older plugins that override them stay whole. */
class ElementwiseActivationTest {

    /** f(x) = 2x + 1, written as plugins write it. */
    static class Affine extends ElementwiseActivation {
        @Override
        public String name() {
            return "affine";
        }

        @Override
        protected float apply(float x) {
            return 2 * x + 1;
        }

        @Override
        protected float derivative(float x, float y) {
            return 2;
        }
    }

    /** As a plugin written before the range methods: it overrides the whole-batch forward. */
    static final class OverridesForward extends Affine {
        @Override
        public void forward(FMatrixRMaj x, FMatrixRMaj y) {
            super.forward(x, y);
        }
    }

    /** As a plugin written before the range methods: it overrides the whole-batch backward. */
    static final class OverridesBackward extends Affine {
        @Override
        public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
            super.backward(x, y, dy, dx);
        }
    }

    @Test
    void wholeBatchPassesEqualTheRangesPiecedTogether() {
        Affine f = new Affine();
        FMatrixRMaj x = new FMatrixRMaj(2, 3, true, -1f, 0f, 1f, 2f, 3f, 4f);
        FMatrixRMaj dy = new FMatrixRMaj(2, 3, true, 1f, 1f, 1f, 0.5f, 0.5f, 0.5f);
        FMatrixRMaj y = new FMatrixRMaj(2, 3);
        FMatrixRMaj dx = new FMatrixRMaj(2, 3);
        f.forward(x, y);
        f.backward(x, y, dy, dx);
        assertArrayEquals(new float[] {-1f, 1f, 3f, 5f, 7f, 9f}, y.data);
        assertArrayEquals(new float[] {2f, 2f, 2f, 1f, 1f, 1f}, dx.data);

        float[] pieces = new float[6];
        float[] gradientPieces = new float[6];
        f.forward(x.data, pieces, 4, 6);
        f.forward(x.data, pieces, 0, 4);
        f.backward(x.data, pieces, dy.data, gradientPieces, 3, 6);
        f.backward(x.data, pieces, dy.data, gradientPieces, 0, 3);
        assertArrayEquals(y.data, pieces);
        assertArrayEquals(dx.data, gradientPieces);
    }

    @Test
    void onlyActivationsWithoutWholeBatchOverridesRunInRanges() {
        assertTrue(new Affine().runsInRanges());
        assertFalse(new OverridesForward().runsInRanges());
        assertFalse(new OverridesBackward().runsInRanges());
    }
}
