package nn.bench;

import java.util.SplittableRandom;
import nn.api.Features;
import nn.api.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Gathering a shuffled batch of byte rows as floats, as the fit loop does with Fashion-MNIST's
 * pixels: 60,000 random rows of 784 bytes (47 MB, more than this VM's 32 MB last-level cache), the
 * next batch of a shuffled order each call, so most rows come from memory (issue 14, session 16).
 */
public class GatherBenchmark extends JmhDefaults {
    private static final int ROWS = 60_000;
    private static final int COLUMNS = 784;

    @Param({"32", "256"})
    public int batch;

    @Param({"vector", "vector-2"})
    public String kernels;

    private Kernels k;
    private Features pixels;
    private int[] order;
    private float[] dest;
    private int next;

    @Setup
    public void setUp() {
        k = BenchKernels.of(kernels);
        SplittableRandom random = new SplittableRandom(1);
        byte[] values = new byte[ROWS * COLUMNS];
        random.nextBytes(values);
        pixels = Features.ofBytes(values, COLUMNS, 255f);
        order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        dest = new float[batch * COLUMNS];
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    public float[] shuffledBatch() {
        if (next + batch > ROWS) {
            next = 0;
        }
        pixels.copyRows(order, next, batch, dest, k);
        next += batch;
        return dest;
    }
}
