package nn.bench;

import java.util.SplittableRandom;
import nn.api.Kernels;
import nn.api.WinogradOps;
import nn.api.WinogradTiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Winograd F(4x4, 3x3)'s data passes for one chunk of cnn-bn's conv2 (14x14x32 to 64, same
 * padding), as WinogradConvolution calls them: the input tiles V, the outputs from M, M from the
 * output gradient, and the input gradient from dV. The products between them are GemmBenchmark's.
 */
public class WinogradBenchmark extends JmhDefaults {

    /** Samples a call: 4 is a one-thread chunk of WinogradConvolution. */
    @Param({"4"})
    public int samples;

    @Param({"vector"})
    public String kernels;

    private Kernels chosen;
    private final WinogradTiles tiles = new WinogradTiles(14, 14, 32, 64, 14, 14, 1, 1);
    private float[] image;
    private float[] output;
    private float[][] v;
    private float[][] m;
    private float[] band;

    @Setup
    public void setUp() {
        chosen = BenchKernels.of(kernels);
        SplittableRandom random = new SplittableRandom(1);
        image = RandomMatrices.uniform(samples, tiles.inputSize(), -1, 1, random).data;
        output = RandomMatrices.uniform(samples, tiles.outputSize(), -1, 1, random).data;
        int rows = samples * tiles.tiles();
        v = new float[WinogradOps.ELEMENTS][];
        m = new float[WinogradOps.ELEMENTS][];
        for (int e = 0; e < WinogradOps.ELEMENTS; e++) {
            v[e] = RandomMatrices.uniform(rows, tiles.channels, -1, 1, random).data;
            m[e] = RandomMatrices.uniform(rows, tiles.filters, -1, 1, random).data;
        }
        band = new float[samples * tiles.bandFloats()];
    }

    @TearDown
    public void tearDown() {
        chosen.close();
    }

    @Benchmark
    public float[][] input() {
        chosen.winogradInput(image, 0, samples, tiles, v, band);
        return v;
    }

    @Benchmark
    public float[] output() {
        chosen.winogradOutput(m, 0, samples, tiles, output, band);
        return output;
    }

    @Benchmark
    public float[][] outputGradient() {
        chosen.winogradOutputGradient(output, 0, samples, tiles, m, band);
        return m;
    }

    @Benchmark
    public float[] inputGradient() {
        chosen.winogradInputGradient(v, 0, samples, tiles, image, band);
        return image;
    }
}
