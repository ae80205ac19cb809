import java.util.Locale;
import java.util.Random;
import nn.kernels.vector.VectorKernels;
import org.ejml.data.FMatrixRMaj;

/**
 * What the tutorial's first forward product (32 x 784 times 784 x 300, one thread) costs when its
 * weights are no longer in the core's caches, as in a training step: between two forwards a step
 * also reads and writes that layer's weight gradient and optimizer slot (3 x 940 KB) and the other
 * layers' arrays. Before each product the program writes one float in every cache line of an
 * array of the given size (MB, 0 for none); with a second argument it also rewrites W (as the
 * optimizer does). Mean microseconds a product over 3,000 repeats.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar nn-bench/scripts/ColdWeights.java 4 [w]</pre>
 *
 * Session 12's Xeon (L2 2 MB a core): 118 us with W hot, 128 with W rewritten, 154 / 170 / 156 us
 * after 2 / 4 / 16 MB of other writes: a step's forward streams W from L3 (JMH's 124 GFLOP/s, with
 * W hot, becomes about 91 in `StepCpuTime ... layers`).
 */
public class ColdWeights {
    public static void main(String[] args) {
        int megabytes = Integer.parseInt(args[0]);
        boolean rewriteWeights = args.length > 1;
        VectorKernels kernels = new VectorKernels();
        Random random = new Random(1);
        FMatrixRMaj x = new FMatrixRMaj(32, 784);
        FMatrixRMaj w = new FMatrixRMaj(784, 300);
        FMatrixRMaj z = new FMatrixRMaj(32, 300);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextFloat();
        }
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = random.nextFloat();
        }
        float[] other = new float[megabytes * 256 * 1024];
        for (int round = 0; round < 8; round++) {
            long total = 0;
            int repeats = 3000;
            for (int r = 0; r < repeats; r++) {
                if (rewriteWeights) {
                    for (int i = 0; i < w.data.length; i += 16) {
                        w.data[i] += 0f;
                    }
                }
                for (int i = 0; i < other.length; i += 16) {
                    other[i] += 1f;
                }
                long start = System.nanoTime();
                kernels.mult(x, w, z);
                total += System.nanoTime() - start;
            }
            if (round >= 4) {
                System.out.printf(Locale.ROOT, "%d MB written between products%s: %.1f us a product%n", megabytes,
                        rewriteWeights ? ", W rewritten" : "", total / repeats / 1e3);
            }
        }
    }
}
