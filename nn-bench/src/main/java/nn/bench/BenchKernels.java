package nn.bench;

import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.core.Sequential;
import nn.kernels.vector.VectorKernels;
import nn.tutorial.KerasBatchNormTutorial;

/** The {@code kernels} parameter of the benchmarks: {@code ejml}, {@code vector} (one thread) or {@code vector-N}. */
final class BenchKernels {

    private BenchKernels() {
    }

    static Kernels of(String name) {
        if (name.equals("ejml")) {
            return new EjmlKernels();
        }
        if (name.equals("vector")) {
            return new VectorKernels();
        }
        if (name.startsWith("vector-")) {
            return new VectorKernels().withThreads(Integer.parseInt(name.substring("vector-".length())));
        }
        throw new IllegalArgumentException("kernels: ejml, vector or vector-N, got " + name);
    }

    /** The tutorial's model (bn-before, seed 42), compiled, computing with these kernels. */
    static Sequential tutorialModel(Kernels kernels) {
        return KerasBatchNormTutorial.compile(KerasBatchNormTutorial.bnBeforeActivation(
                new Sequential("sequential", new BuildContext(kernels, new SplittableRandom(42)))));
    }

    /** Stops the worker threads of kernels that have them. */
    static void close(Kernels kernels) {
        if (kernels instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
