package nn.bench;

import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.kernels.vector.VectorKernels;

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
}
