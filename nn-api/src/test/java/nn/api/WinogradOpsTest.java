package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The line maps of {@link WinogradOps} are the matrices of Lavin and Gray's F(4x4, 3x3), checked
 * column by column on unit lines (up to the sign of zero); and the passes, on one 6x6 "valid" tile, give the direct 3x3
 * convolution through an elementwise product with the transformed kernel.
 */
class WinogradOpsTest {
    private static final float[][] B_T = {
        {4, 0, -5, 0, 1, 0},
        {0, -4, -4, 1, 1, 0},
        {0, 4, -4, -1, 1, 0},
        {0, -2, -1, 2, 1, 0},
        {0, 2, -1, -2, 1, 0},
        {0, 4, 0, -5, 0, 1}};
    private static final float[][] A_T = {
        {1, 1, 1, 1, 1, 0},
        {0, 1, -1, 2, -2, 0},
        {0, 1, 1, 4, 4, 0},
        {0, 1, -1, 8, -8, 1}};

    private static float[] unit(int n, int k) {
        float[] line = new float[n];
        line[k] = 1;
        return line;
    }

    @Test
    void lineMapsAreTheTransformMatrices() {
        for (int k = 0; k < 6; k++) {
            float[] d = unit(6, k);
            for (int i = 0; i < 6; i++) {
                assertEquals(B_T[i][k], WinogradOps.in(i, d[0], d[1], d[2], d[3], d[4], d[5]), 0f, "B^T " + i + "," + k);
                assertEquals(B_T[k][i], WinogradOps.gradIn(i, d[0], d[1], d[2], d[3], d[4], d[5]), 0f, "B " + i + "," + k);
            }
            for (int j = 0; j < 4; j++) {
                assertEquals(A_T[j][k], WinogradOps.out(j, d[0], d[1], d[2], d[3], d[4], d[5]), 0f, "A^T " + j + "," + k);
            }
        }
        for (int k = 0; k < 4; k++) {
            float[] g = unit(4, k);
            for (int i = 0; i < 6; i++) {
                assertEquals(A_T[k][i], WinogradOps.gradOut(i, g[0], g[1], g[2], g[3]), 0f, "A " + i + "," + k);
            }
        }
    }

    /**
     * One channel, one filter, a 6x6 input of small integers: V = B<sup>T</sup> d B, M = U &#8857; V
     * with U = G g G<sup>T</sup> computed here in double, then A<sup>T</sup> M A, against the direct
     * 3x3 correlation (exact in floats at these sizes, within rounding of U's sixths after).
     */
    @Test
    void oneTileIsTheDirectConvolution() {
        float[] x = new float[36];
        for (int p = 0; p < 36; p++) {
            x[p] = (p * 7) % 11 - 5;
        }
        double[] g = {1, -2, 3, 0, 2, -1, 4, 1, -3};
        WinogradTiles tiles = new WinogradTiles(6, 6, 1, 1, 4, 4, 0, 0);
        float[][] v = new float[WinogradOps.ELEMENTS][1];
        WinogradOps.winogradInput(x, 0, 1, tiles, v, new float[tiles.bandFloats()]);
        double[][] gMatrix = {{0.25, 0, 0}, {-1 / 6.0, -1 / 6.0, -1 / 6.0}, {-1 / 6.0, 1 / 6.0, -1 / 6.0},
            {1 / 24.0, 1 / 12.0, 1 / 6.0}, {1 / 24.0, -1 / 12.0, 1 / 6.0}, {0, 0, 1}};
        float[][] m = new float[WinogradOps.ELEMENTS][1];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double u = 0;
                for (int r = 0; r < 3; r++) {
                    for (int s = 0; s < 3; s++) {
                        u += gMatrix[a][r] * g[3 * r + s] * gMatrix[b][s];
                    }
                }
                m[6 * a + b][0] = (float) (u * v[6 * a + b][0]);
            }
        }
        float[] z = new float[16];
        WinogradOps.winogradOutput(m, 0, 1, tiles, z, new float[tiles.bandFloats()]);
        float[] direct = new float[16];
        for (int y = 0; y < 4; y++) {
            for (int col = 0; col < 4; col++) {
                for (int r = 0; r < 3; r++) {
                    for (int s = 0; s < 3; s++) {
                        direct[4 * y + col] += (float) (x[6 * (y + r) + col + s] * g[3 * r + s]);
                    }
                }
            }
        }
        assertArrayEquals(direct, z, 1e-4f);
    }
}
