package nn.bench;

import java.util.SplittableRandom;
import nn.api.Kernels;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The three products of a Dense layer of the tutorial (784-300-200-100-10) at batch 32 and 256:
 * {@code forward} z = x W (mult), {@code weightGradient} dW = x<sup>T</sup> dz (multTransA),
 * {@code inputGradient} dx = dz W<sup>T</sup> (multTransB), each 2 x batch x inputs x units
 * floating-point operations, and {@code gradients}, the last two in one call (multGradients):
 * {@link GflopsTable} turns the times into GFLOP/s.
 */
public class GemmBenchmark extends JmhDefaults {

    /** Inputs x units of the Dense layer. */
    @Param({"784x300", "300x200", "200x100", "100x10"})
    public String layer;

    @Param({"32", "256"})
    public int batch;

    /** {@code ejml}, {@code vector} (one thread) or {@code vector-N} (N threads). */
    @Param({"ejml", "vector", "vector-2"})
    public String kernels;

    private Kernels k;
    private FMatrixRMaj x;
    private FMatrixRMaj w;
    private FMatrixRMaj z;
    private FMatrixRMaj dz;
    private FMatrixRMaj dw;
    private FMatrixRMaj dx;

    @Setup
    public void setUp() {
        String[] dims = layer.split("x");
        int inputs = Integer.parseInt(dims[0]);
        int units = Integer.parseInt(dims[1]);
        k = BenchKernels.of(kernels);
        SplittableRandom random = new SplittableRandom(1);
        x = RandomMatrices.uniform(batch, inputs, -1, 1, random);
        w = RandomMatrices.uniform(inputs, units, -1, 1, random);
        dz = RandomMatrices.uniform(batch, units, -1, 1, random);
        z = new FMatrixRMaj(batch, units);
        dw = new FMatrixRMaj(inputs, units);
        dx = new FMatrixRMaj(batch, inputs);
    }

    @TearDown
    public void tearDown() {
        k.close();
    }

    @Benchmark
    public FMatrixRMaj forward() {
        k.mult(x, w, z);
        return z;
    }

    @Benchmark
    public FMatrixRMaj weightGradient() {
        k.multTransA(x, dz, dw);
        return dw;
    }

    @Benchmark
    public FMatrixRMaj inputGradient() {
        k.multTransB(dz, w, dx);
        return dx;
    }

    /** Both gradients in one call (multGradients): side by side on an even number of threads. */
    @Benchmark
    public FMatrixRMaj gradients() {
        k.multGradients(x, w, dz, dx, dw);
        return dx;
    }
}
