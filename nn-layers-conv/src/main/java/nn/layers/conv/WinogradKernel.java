package nn.layers.conv;

import nn.api.WinogradTiles;

/**
 * The kernel side of Winograd's F(4x4, 3x3) ({@link nn.api.WinogradOps} has the data side): the
 * transformed kernel U = G g G<sup>T</sup> for each channel and filter, and the kernel gradient
 * dg = G<sup>T</sup> dU G, with
 * <pre>
 *   G = [1/4 0 0; -1/6 -1/6 -1/6; -1/6 1/6 -1/6; 1/24 1/12 1/6; 1/24 -1/12 1/6; 0 0 1]
 * </pre>
 * Element 6 a + b of U is the matrix {@code u[6 a + b]}, channels x filters, row-major. Both run
 * in double and round once, since G's sixths and twenty-fourths are not floats; the scratch is
 * the instance's, so nothing is allocated per call.
 */
final class WinogradKernel {
    private static final int IN = WinogradTiles.IN;
    private static final double SIXTH = 1.0 / 6;
    private static final double TWELFTH = 1.0 / 12;
    private static final double TWENTY_FOURTH = 1.0 / 24;

    /** G g (6 x 3) or dU G (6 x 3), column-major: element (a, k) at a + 6 k. */
    private final double[] half = new double[IN * 3];
    private final double[] line = new double[IN];

    /** U[6a + b] (c x f) = G g G<sup>T</sup> for each channel pair, g the kernel stored (3 * 3 * c) x f. */
    void kernel(float[] g, int channels, int filters, float[][] u) {
        int tap = channels * filters;
        for (int j = 0; j < tap; j++) {
            for (int k = 0; k < 3; k++) {
                gTimes(g[j + k * tap], g[j + (3 + k) * tap], g[j + (6 + k) * tap], half, IN * k);
            }
            for (int a = 0; a < IN; a++) {
                gTimes(half[a], half[a + IN], half[a + 2 * IN], line, 0);
                for (int b = 0; b < IN; b++) {
                    u[IN * a + b][j] = (float) line[b];
                }
            }
        }
    }

    /** dg (stored (3 * 3 * c) x f) = G<sup>T</sup> dU G for each channel pair. */
    void kernelGradient(float[][] du, int channels, int filters, float[] dg) {
        int tap = channels * filters;
        for (int j = 0; j < tap; j++) {
            for (int a = 0; a < IN; a++) {
                for (int b = 0; b < IN; b++) {
                    line[b] = du[IN * a + b][j];
                }
                gTransposeTimes(line, 0, half, a, IN);
            }
            for (int k = 0; k < 3; k++) {
                gTransposeTimes(half, IN * k, line, 0, 1);
                for (int r = 0; r < 3; r++) {
                    dg[(3 * r + k) * tap + j] = (float) line[r];
                }
            }
        }
    }

    /** G (x0, x1, x2)<sup>T</sup>: six values, to out[at ..]. */
    private static void gTimes(double x0, double x1, double x2, double[] out, int at) {
        double h = x0 + x2, k = x0 * TWENTY_FOURTH + x2 * SIXTH, l = x1 * TWELFTH;
        out[at] = x0 * 0.25;
        out[at + 1] = -(h + x1) * SIXTH;
        out[at + 2] = -(h - x1) * SIXTH;
        out[at + 3] = k + l;
        out[at + 4] = k - l;
        out[at + 5] = x2;
    }

    /** G<sup>T</sup> (x[from] .. x[from + 5])<sup>T</sup>: three values, to out[at + stride r]. */
    private static void gTransposeTimes(double[] x, int from, double[] out, int at, int stride) {
        double s12 = x[from + 1] + x[from + 2], s34 = x[from + 3] + x[from + 4];
        out[at] = x[from] * 0.25 - s12 * SIXTH + s34 * TWENTY_FOURTH;
        out[at + stride] = (x[from + 2] - x[from + 1]) * SIXTH + (x[from + 3] - x[from + 4]) * TWELFTH;
        out[at + 2 * stride] = (s34 - s12) * SIXTH + x[from + 5];
    }
}
