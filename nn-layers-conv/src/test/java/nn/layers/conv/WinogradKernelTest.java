package nn.layers.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
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

    private static float[] normal(int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    @Test
    void transformedKernelIsGgGTransposed() {
        float[] g = normal(9 * TAP, new SplittableRandom(1));
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
                    assertEquals(expected, u[6 * a + b][j], 1e-6, "U[" + a + "][" + b + "] of pair " + j);
                }
            }
        }
    }

    @Test
    void kernelGradientIsTheTransformsAdjoint() {
        SplittableRandom random = new SplittableRandom(2);
        float[] g = normal(9 * TAP, random);
        float[][] du = new float[36][];
        for (int e = 0; e < 36; e++) {
            du[e] = normal(TAP, random);
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
