package nn.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import nn.api.Activation;
import nn.api.ActivationProvider;
import nn.api.Config;
import nn.api.EjmlKernels;
import nn.api.ElementwiseActivation;
import org.ejml.data.FMatrixRMaj;

/**
 * The harness every activation, built-in or plugin, passes through. Given a provider and a
 * configuration it checks: the name is the provider's; the derivative by central finite
 * differences (inputs are kept 0.05 away from 0, where relu-like functions have a kink); that
 * {@code forward} may write into x and {@code backward} into dy; configuration round trip (same
 * config, same outputs bit for bit); and NaN and infinity: a NaN input gives NaN where it is,
 * large finite inputs (up to 3e38) give finite outputs and derivatives (no overflow inside), and
 * infinite inputs give the limits you state, if you state them; and for an element-wise
 * activation, that its passes run in ranges piece together to the whole batch's bits.
 *
 * <pre>{@code
 * ActivationTestKit.of(new Mish()).run();
 * ActivationTestKit.of(new Sigmoid()).limits(0f, 1f).run();   // f(-inf), f(+inf)
 * }</pre>
 */
public final class ActivationTestKit {
    private static final long SEED = 13;
    private static final int ROWS = 4;
    private static final int COLS = 5;
    private static final float KINK_MARGIN = 0.05f;
    private static final float[] LARGE = {-3e38f, -1e4f, -100f, -20f, 20f, 100f, 1e4f, 3e38f};

    private final ActivationProvider provider;
    private Map<String, Object> config = Map.of();
    private float inputScale = 3f;
    private float[] limits;

    private ActivationTestKit(ActivationProvider provider) {
        this.provider = provider;
    }

    public static ActivationTestKit of(ActivationProvider provider) {
        return new ActivationTestKit(provider);
    }

    public ActivationTestKit config(Map<String, ?> config) {
        this.config = new LinkedHashMap<>(config);
        return this;
    }

    /** Inputs of the derivative check are standard normal times {@code scale} (3 unless set). */
    public ActivationTestKit inputScale(float scale) {
        this.inputScale = scale;
        return this;
    }

    /** f(-infinity) and f(+infinity), e.g. 0 and 1 for sigmoid; NaN if that is what it gives. */
    public ActivationTestKit limits(float atMinusInfinity, float atPlusInfinity) {
        this.limits = new float[] {atMinusInfinity, atPlusInfinity};
        return this;
    }

    public void run() {
        Activation activation = create(config);
        assertEquals(provider.name(), activation.name(), "activation name should be the provider's name");
        checkDerivative(activation);
        checkInPlace(activation);
        checkConfigRoundTrip(activation);
        checkNaN(activation);
        checkLargeInputs(activation);
        checkInfinities(activation);
        checkRanges(activation);
    }

    /**
     * An element-wise activation that runs in ranges (as an Activation layer cuts it between
     * threads) gives the whole batch's bits when its ranges are pieced together, last range first.
     */
    private void checkRanges(Activation activation) {
        if (!(activation instanceof ElementwiseActivation elementwise) || !elementwise.runsInRanges()) {
            return;
        }
        FMatrixRMaj x = inputs();
        FMatrixRMaj dy = RandomMatrices.normal(ROWS, COLS, SEED + 3);
        FMatrixRMaj y = outputs(activation, x);
        FMatrixRMaj dx = new FMatrixRMaj(ROWS, COLS);
        activation.backward(x, y, dy, dx);
        int n = x.getNumElements();
        float[] pieces = new float[n];
        float[] gradientPieces = new float[n];
        for (int from = (n - 1) / 3 * 3; from >= 0; from -= 3) {
            elementwise.forward(x.data, pieces, from, Math.min(n, from + 3));
            elementwise.backward(x.data, y.data, dy.data, gradientPieces, from, Math.min(n, from + 3));
        }
        assertArrayEquals(y.data, pieces, "forward in ranges of 3 elements gives the whole batch's bits");
        assertArrayEquals(dx.data, gradientPieces, "backward in ranges of 3 elements gives the whole batch's bits");
        float[] kernelPass = new float[n];
        if (elementwise.backwardOnKernels(new EjmlKernels(), x.data, y.data, dy.data, kernelPass, n)) {
            assertArrayEquals(dx.data, kernelPass, "backward by the kernels' own pass gives the whole batch's bits");
            float[] inPlace = dy.data.clone();
            elementwise.backwardOnKernels(new EjmlKernels(), x.data, y.data, inPlace, inPlace, n);
            assertArrayEquals(dx.data, inPlace, "backward by the kernels' own pass into dy itself gives the same bits");
        } else {
            assertArrayEquals(new float[n], kernelPass, "backwardOnKernels returning false leaves dx untouched");
        }
    }

    private Activation create(Map<String, Object> values) {
        return provider.create(Config.of("activation " + provider.name(), values));
    }

    private FMatrixRMaj inputs() {
        FMatrixRMaj x = RandomMatrices.normal(ROWS, COLS, inputScale, 0f, SEED);
        for (int i = 0; i < x.data.length; i++) {
            if (Math.abs(x.data[i]) < KINK_MARGIN) {
                x.data[i] = x.data[i] < 0f ? -KINK_MARGIN : KINK_MARGIN;
            }
        }
        return x;
    }

    private void checkDerivative(Activation activation) {
        FMatrixRMaj x = inputs();
        FMatrixRMaj r = RandomMatrices.normal(ROWS, COLS, SEED + 1);
        FMatrixRMaj y = new FMatrixRMaj(ROWS, COLS);
        FMatrixRMaj dx = new FMatrixRMaj(ROWS, COLS);
        activation.forward(x, y);
        LayerTestKit.assertFinite(y, provider.name() + " of normal inputs");
        activation.backward(x, y, r, dx); // dx = d(sum r * f(x)) / dx
        GradientCheck.assertGradient(provider.name() + " derivative", x.data, dx.data, x.getNumElements(), () -> {
            activation.forward(x, y);
            double loss = 0;
            for (int i = 0; i < y.getNumElements(); i++) {
                loss += (double) r.data[i] * y.data[i];
            }
            return loss;
        });
    }

    private void checkInPlace(Activation activation) {
        FMatrixRMaj x = inputs();
        FMatrixRMaj y = new FMatrixRMaj(ROWS, COLS);
        FMatrixRMaj dy = RandomMatrices.normal(ROWS, COLS, SEED + 2);
        FMatrixRMaj dx = new FMatrixRMaj(ROWS, COLS);
        activation.forward(x, y);
        activation.backward(x, y, dy, dx);
        FMatrixRMaj same = x.copy();
        activation.forward(same, same);
        assertArrayEquals(y.data, same.data, 0f, "forward(x, x) must give what forward(x, y) gives");
        activation.backward(x, y, dy, dy);
        assertArrayEquals(dx.data, dy.data, 0f, "backward(x, y, dy, dy) must give what backward(x, y, dy, dx) gives");
    }

    private void checkConfigRoundTrip(Activation activation) {
        Map<String, Object> saved = activation.config();
        Activation copy = create(saved);
        assertEquals(saved, copy.config(), "config round trip: create(config()) gives the same config");
        assertEquals(activation.name(), copy.name(), "config round trip: name");
        FMatrixRMaj x = inputs();
        assertArrayEquals(outputs(activation, x).data, outputs(copy, x).data, 0f, "config round trip: same outputs");
    }

    private void checkNaN(Activation activation) {
        FMatrixRMaj x = inputs();
        x.data[2] = Float.NaN;
        FMatrixRMaj y = outputs(activation, x);
        assertTrue(Float.isNaN(y.data[2]), () -> provider.name() + "(NaN) must be NaN, not " + y.data[2]
                + ": a NaN must never turn into a number");
    }

    private void checkLargeInputs(Activation activation) {
        FMatrixRMaj x = new FMatrixRMaj(1, LARGE.length, true, LARGE);
        FMatrixRMaj y = outputs(activation, x);
        FMatrixRMaj dx = new FMatrixRMaj(1, LARGE.length);
        FMatrixRMaj ones = new FMatrixRMaj(1, LARGE.length);
        ones.fill(1f);
        activation.backward(x, y, ones, dx);
        LayerTestKit.assertFinite(y, provider.name() + " of large finite inputs " + Arrays.toString(LARGE));
        LayerTestKit.assertFinite(dx, provider.name() + "' of large finite inputs " + Arrays.toString(LARGE));
    }

    private void checkInfinities(Activation activation) {
        FMatrixRMaj x = new FMatrixRMaj(1, 2, true, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        FMatrixRMaj y = outputs(activation, x);
        if (limits != null) {
            assertEquals(limits[0], y.data[0], provider.name() + "(-infinity)");
            assertEquals(limits[1], y.data[1], provider.name() + "(+infinity)");
        }
    }

    private static FMatrixRMaj outputs(Activation activation, FMatrixRMaj x) {
        FMatrixRMaj y = new FMatrixRMaj(x.numRows, x.numCols);
        activation.forward(x, y);
        return y;
    }
}
