import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import nn.api.Kernels;
import nn.kernels.vector.VectorKernels;
import org.ejml.data.FMatrixRMaj;

/**
 * What a product pays for reading data the other thread just wrote: the tutorial's first forward
 * product (32 x 784 times 784 x 300, cut by output columns on 2 threads) alone, and after the
 * writes a training step makes before it: the batch x written by the caller, the weights W
 * updated in two flat halves (as SGD's ranges cut them: by rows), or in two column bands (as the
 * product cuts them: but a band's edge falls inside a cache line in every row); and the same
 * product with the weights stored output-unit-major (W^T, 300 x 784, {@code multTransB}), updated
 * in blocks of whole rows that match the product's cut, so each thread reads only what it wrote.
 * Medians of 3,000 repeats, in microseconds. On session 11's Zen 4 VM, 2 threads: the product
 * alone 79-83, after W's halves 123-126 (+40) in good minutes and 260-292 (+200) in bad ones; W's
 * column bands alone 18 against 5 for the halves (200-220 against 7 in bad minutes: a shared line
 * at every row's edge); W^T: the product alone 86-89, after its own rows' update 93-96 (130 in bad
 * minutes). On 1 thread none of the writes cost the product anything.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp nn-api.jar:nn-kernels-vector.jar:ejml-core.jar:ejml-fdense.jar \
 *     nn-bench/scripts/SharedWrites.java [threads]</pre>
 * (the jars are in nn-app/target/modules after a build).
 */
public class SharedWrites {
    private static final int BATCH = 32;
    private static final int IN = 784;
    private static final int OUT = 300;
    private static final int BAND = 48; // the vector kernels' column unit at 16 lanes: 3 vectors
    private static final int REPEATS = 3000;
    private static volatile float sink;

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        try (Kernels kernels = new VectorKernels().withThreads(threads)) {
            Random random = new Random(1);
            FMatrixRMaj x = new FMatrixRMaj(BATCH, IN);
            FMatrixRMaj w = new FMatrixRMaj(IN, OUT);
            FMatrixRMaj out = new FMatrixRMaj(BATCH, OUT);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = random.nextFloat();
            }
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = random.nextFloat() - 0.5f;
            }
            FMatrixRMaj wt = new FMatrixRMaj(OUT, IN);
            for (int i = 0; i < wt.data.length; i++) {
                wt.data[i] = random.nextFloat() - 0.5f;
            }
            Runnable product = () -> kernels.mult(x, w, out);
            Runnable productOfTransposed = () -> kernels.multTransB(x, wt, out);
            Runnable writeX = () -> scale(x.data, 0, x.data.length);
            Runnable writeHalves = () -> kernels.forEachRange(w.data.length, 1 << 14, (from, to) -> scale(w.data, from, to));
            Runnable writeBands = () -> kernels.forEachRange((OUT + BAND - 1) / BAND, 1, (u0, u1) -> {
                for (int row = 0; row < IN; row++) {
                    scale(w.data, row * OUT + u0 * BAND, row * OUT + Math.min(u1 * BAND, OUT));
                }
            });
            Runnable writeUnitRows = () -> kernels.forEachRange((OUT + BAND - 1) / BAND, 1,
                    (u0, u1) -> scale(wt.data, u0 * BAND * IN, Math.min(u1 * BAND, OUT) * IN));
            String[] names = {"product", "x", "W halves", "W bands", "x + product", "W halves + product",
                "W bands + product", "W^T product", "W^T rows + W^T product"};
            Runnable[][] cases = {{product}, {writeX}, {writeHalves}, {writeBands}, {writeX, product},
                {writeHalves, product}, {writeBands, product}, {productOfTransposed}, {writeUnitRows, productOfTransposed}};
            for (int round = 1; round <= 3; round++) {
                StringBuilder line = new StringBuilder("round " + round + ", " + threads + " thread(s):");
                for (int c = 0; c < cases.length; c++) {
                    line.append(String.format(Locale.ROOT, "  %s %.1f", names[c], medianMicros(cases[c])));
                }
                System.out.println(line);
            }
            sink = out.data[0];
        }
    }

    private static void scale(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] *= 0.99999994f;
        }
    }

    private static double medianMicros(Runnable[] steps) {
        long[] nanos = new long[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long start = System.nanoTime();
            for (Runnable step : steps) {
                step.run();
            }
            nanos[r] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[REPEATS / 2] / 1e3;
    }
}
