package nn.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checks for float32 code: perturbs each element of a parameter array
 * by +-h, evaluates a scalar loss (accumulated in double) and compares the central difference with
 * the analytic gradient by relative error of the whole vector, which tolerates float round-off.
 */
public final class GradientCheck {

    /** Step for float32 values of order one: small enough for curvature, large enough for round-off. */
    public static final double STEP = 1e-3;

    /** Largest accepted ||analytic - numeric|| / max(||analytic||, ||numeric||, 1e-6). */
    public static final double TOLERANCE = 1e-2;

    private GradientCheck() {
    }

    /** The central-difference gradient of {@code loss} with respect to {@code params[0..count)}. */
    public static double[] numericGradient(float[] params, int count, DoubleSupplier loss) {
        double[] numeric = new double[count];
        for (int i = 0; i < count; i++) {
            float saved = params[i];
            params[i] = (float) (saved + STEP);
            double plus = loss.getAsDouble();
            params[i] = (float) (saved - STEP);
            double minus = loss.getAsDouble();
            params[i] = saved;
            numeric[i] = (plus - minus) / (2 * STEP);
        }
        return numeric;
    }

    public static double relativeError(float[] analytic, double[] numeric) {
        double diff = 0;
        double a = 0;
        double n = 0;
        for (int i = 0; i < numeric.length; i++) {
            diff += sq(analytic[i] - numeric[i]);
            a += sq(analytic[i]);
            n += sq(numeric[i]);
        }
        return Math.sqrt(diff) / Math.max(Math.max(Math.sqrt(a), Math.sqrt(n)), 1e-6);
    }

    /** Asserts that {@code analytic} matches the finite-difference gradient of {@code loss}. */
    public static void assertGradient(String what, float[] params, float[] analytic, int count, DoubleSupplier loss) {
        double[] numeric = numericGradient(params, count, loss);
        double error = relativeError(analytic, numeric);
        assertTrue(error < TOLERANCE, () -> what + ": analytic and finite-difference gradients differ, relative error "
                + error + " (tolerance " + TOLERANCE + ")\n analytic " + preview(analytic) + "\n numeric  "
                + preview(numeric));
    }

    private static double sq(double x) {
        return x * x;
    }

    private static String preview(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.5f", v[i]));
        }
        return sb.append(v.length > 8 ? ", ...]" : "]").toString();
    }

    private static String preview(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return preview(f);
    }
}
