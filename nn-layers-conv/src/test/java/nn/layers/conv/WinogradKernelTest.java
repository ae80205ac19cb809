package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nn.testkit.RandomMatrices;
import org.junit.jupiter.api.Test;

/**
 * The kernel transform U = G g G<sup>T</sup> against a plain triple loop over G's entries, and its
 * gradient as the transform's adjoint: &lt;U(g), dU&gt; = &lt;g, dg(dU)&gt; for any g and dU.
 */
class WinogradKernelTest {
    private static final double[][] G = {{0.25, 0, 0}, {-1 / 6.0, -1 / 6.0, -1 / 6.0}, {-1 / 6.0, 1 / 6.0, -1 / 6.0},
        {1 / 24.0, 1 / 12.0, 1 / 6.0}, {1 / 24.0, -1 / 12.0, 1 / 6.0}, {0, 0, 1}};
    private static final int CHANNELS = 3;
    private static final int FILTERS = 5;
    private static final int TAP = CHANNELS * FILTERS;

    @Test
    void transformedKernelIsGgGTransposed() {
        float[] g = RandomMatrices.normal(9, TAP, 1).data;
        float[][] u = new float[36][TAP];
        new WinogradKernel().kernel(g, CHANNELS, FILTERS, u);
        for (int j = 0; j < TAP; j++) {
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    double expected = 0;
                    for (int r = 0; r < 3; r++) {
                        for (int s = 0; s < 3; s++) {
                            expected += G[a][r] * g[(3 * r + s) * TAP + j] * G[b][s];
                        }
                    }
                    assertEquals(expected, u[6 * a + b][j], 1e-6 * (1 + Math.abs(expected)),
                            "U[" + a + "][" + b + "] of pair " + j);
                }
            }
        }
    }

    @Test
    void kernelGradientIsTheTransformsAdjoint() {
        float[] g = RandomMatrices.normal(9, TAP, 2).data;
        float[][] du = new float[36][];
        for (int e = 0; e < 36; e++) {
            du[e] = RandomMatrices.normal(1, TAP, 3 + e).data;
        }
        WinogradKernel transform = new WinogradKernel();
        float[][] u = new float[36][TAP];
        transform.kernel(g, CHANNELS, FILTERS, u);
        float[] dg = new float[9 * TAP];
        transform.kernelGradient(du, CHANNELS, FILTERS, dg);
        double left = 0;
        double right = 0;
        for (int e = 0; e < 36; e++) {
            for (int j = 0; j < TAP; j++) {
                left += (double) u[e][j] * du[e][j];
            }
        }
        for (int i = 0; i < g.length; i++) {
            right += (double) g[i] * dg[i];
        }
        assertEquals(left, right, 1e-5 * Math.abs(left) + 1e-6);
    }
}
