package nn.layers.conv;

/**
 * The kernel side of Winograd's F(2x2, 3x3) ({@link nn.api.WinogradOps} has the data side): the
 * transformed kernel U = G g G<sup>T</sup> for each channel and filter, and the kernel gradient
 * dg = G<sup>T</sup> dU G, with G = [1 0 0; 1/2 1/2 1/2; 1/2 -1/2 1/2; 0 0 1]. Element 4 a + b of
 * U is the matrix {@code u[4 a + b]}, channels x filters, row-major.
 */
final class WinogradKernel {

    private WinogradKernel() {
    }

    /** U[4a + b] (c x f) = G g G<sup>T</sup> for each channel pair, g the kernel stored (3 * 3 * c) x f. */
    static void kernel(float[] g, int channels, int filters, float[][] u) {
        int tap = channels * filters;
        for (int j = 0; j < tap; j++) {
            float g00 = g[j], g01 = g[tap + j], g02 = g[2 * tap + j];
            float g10 = g[3 * tap + j], g11 = g[4 * tap + j], g12 = g[5 * tap + j];
            float g20 = g[6 * tap + j], g21 = g[7 * tap + j], g22 = g[8 * tap + j];
            kernelRow(g00, g01, g02, u, 0, j);
            kernelRow(0.5f * (g00 + g10 + g20), 0.5f * (g01 + g11 + g21), 0.5f * (g02 + g12 + g22), u, 1, j);
            kernelRow(0.5f * (g00 - g10 + g20), 0.5f * (g01 - g11 + g21), 0.5f * (g02 - g12 + g22), u, 2, j);
            kernelRow(g20, g21, g22, u, 3, j);
        }
    }

    /** Row a of G g G<sup>T</sup> from row a of G g. */
    private static void kernelRow(float r0, float r1, float r2, float[][] u, int a, int j) {
        u[4 * a][j] = r0;
        u[4 * a + 1][j] = 0.5f * (r0 + r1 + r2);
        u[4 * a + 2][j] = 0.5f * (r0 - r1 + r2);
        u[4 * a + 3][j] = r2;
    }

    /** dg (stored (3 * 3 * c) x f) = G<sup>T</sup> dU G for each channel pair. */
    static void kernelGradient(float[][] du, int channels, int filters, float[] dg) {
        int tap = channels * filters;
        for (int j = 0; j < tap; j++) {
            float s00 = du[0][j] + 0.5f * (du[1][j] + du[2][j]), s01 = 0.5f * (du[1][j] - du[2][j]);
            float s02 = 0.5f * (du[1][j] + du[2][j]) + du[3][j];
            float s10 = du[4][j] + 0.5f * (du[5][j] + du[6][j]), s11 = 0.5f * (du[5][j] - du[6][j]);
            float s12 = 0.5f * (du[5][j] + du[6][j]) + du[7][j];
            float s20 = du[8][j] + 0.5f * (du[9][j] + du[10][j]), s21 = 0.5f * (du[9][j] - du[10][j]);
            float s22 = 0.5f * (du[9][j] + du[10][j]) + du[11][j];
            float s30 = du[12][j] + 0.5f * (du[13][j] + du[14][j]), s31 = 0.5f * (du[13][j] - du[14][j]);
            float s32 = 0.5f * (du[13][j] + du[14][j]) + du[15][j];
            dg[j] = s00 + 0.5f * (s10 + s20);
            dg[tap + j] = s01 + 0.5f * (s11 + s21);
            dg[2 * tap + j] = s02 + 0.5f * (s12 + s22);
            dg[3 * tap + j] = 0.5f * (s10 - s20);
            dg[4 * tap + j] = 0.5f * (s11 - s21);
            dg[5 * tap + j] = 0.5f * (s12 - s22);
            dg[6 * tap + j] = 0.5f * (s10 + s20) + s30;
            dg[7 * tap + j] = 0.5f * (s11 + s21) + s31;
            dg[8 * tap + j] = 0.5f * (s12 + s22) + s32;
        }
    }
}
