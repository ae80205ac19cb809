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

    /** dU G (6 x 3), column-major: element (a, k) at a + 6 k. */
    private final double[] half = new double[IN * 3];

    /** U[6a + b] (c x f) = G g G<sup>T</sup> for each channel pair, g the kernel stored (3 * 3 * c) x f. */
    void kernel(float[] g, int channels, int filters, float[][] u) {
        int tap = channels * filters;
        for (int j = 0; j < tap; j++) {
            // G g, column by column (rows a = 0 .. 5 of each)
            double g00 = g[j], g10 = g[j + 3 * tap], g20 = g[j + 6 * tap];
            double g01 = g[j + tap], g11 = g[j + 4 * tap], g21 = g[j + 7 * tap];
            double g02 = g[j + 2 * tap], g12 = g[j + 5 * tap], g22 = g[j + 8 * tap];
            double h0 = g00 + g20, k0 = g00 * TWENTY_FOURTH + g20 * SIXTH, l0 = g10 * TWELFTH;
            double h1 = g01 + g21, k1 = g01 * TWENTY_FOURTH + g21 * SIXTH, l1 = g11 * TWELFTH;
            double h2 = g02 + g22, k2 = g02 * TWENTY_FOURTH + g22 * SIXTH, l2 = g12 * TWELFTH;
            row(g00 * 0.25, g01 * 0.25, g02 * 0.25, u, 0, j);
            row(-(h0 + g10) * SIXTH, -(h1 + g11) * SIXTH, -(h2 + g12) * SIXTH, u, 1, j);
            row(-(h0 - g10) * SIXTH, -(h1 - g11) * SIXTH, -(h2 - g12) * SIXTH, u, 2, j);
            row(k0 + l0, k1 + l1, k2 + l2, u, 3, j);
            row(k0 - l0, k1 - l1, k2 - l2, u, 4, j);
            row(g20, g21, g22, u, 5, j);
        }
    }

    /** Row a of U = G applied to row a of G g, (x0, x1, x2). */
    private static void row(double x0, double x1, double x2, float[][] u, int a, int j) {
        double h = x0 + x2, k = x0 * TWENTY_FOURTH + x2 * SIXTH, l = x1 * TWELFTH;
        u[IN * a][j] = (float) (x0 * 0.25);
        u[IN * a + 1][j] = (float) (-(h + x1) * SIXTH);
        u[IN * a + 2][j] = (float) (-(h - x1) * SIXTH);
        u[IN * a + 3][j] = (float) (k + l);
        u[IN * a + 4][j] = (float) (k - l);
        u[IN * a + 5][j] = (float) x2;
    }

    /** dg (stored (3 * 3 * c) x f) = G<sup>T</sup> dU G for each channel pair. */
    void kernelGradient(float[][] du, int channels, int filters, float[] dg) {
        int tap = channels * filters;
        for (int j = 0; j < tap; j++) {
            for (int a = 0; a < IN; a++) {
                double x1 = du[IN * a + 1][j], x2 = du[IN * a + 2][j], x3 = du[IN * a + 3][j], x4 = du[IN * a + 4][j];
                double s12 = x1 + x2, s34 = x3 + x4;
                half[a] = du[IN * a][j] * 0.25 - s12 * SIXTH + s34 * TWENTY_FOURTH;
                half[a + IN] = (x2 - x1) * SIXTH + (x3 - x4) * TWELFTH;
                half[a + 2 * IN] = (s34 - s12) * SIXTH + du[IN * a + 5][j];
            }
            for (int k = 0; k < 3; k++) {
                int at = IN * k;
                double x1 = half[at + 1], x2 = half[at + 2], x3 = half[at + 3], x4 = half[at + 4];
                double s12 = x1 + x2, s34 = x3 + x4;
                dg[k * tap + j] = (float) (half[at] * 0.25 - s12 * SIXTH + s34 * TWENTY_FOURTH);
                dg[(3 + k) * tap + j] = (float) ((x2 - x1) * SIXTH + (x3 - x4) * TWELFTH);
                dg[(6 + k) * tap + j] = (float) ((s34 - s12) * SIXTH + half[at + 5]);
            }
        }
    }
}
