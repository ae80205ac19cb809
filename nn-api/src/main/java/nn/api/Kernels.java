package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * The matrix products a layer needs, behind one seam so that a faster implementation can replace
 * the EJML reference ({@link EjmlKernels}) without touching any layer. Implementations are found
 * with {@link java.util.ServiceLoader}. The output is the last argument and must already have the
 * right size; it must not alias an input. Nothing is allocated.
 */
public interface Kernels {

    /** Name used to choose an implementation, e.g. {@code ejml}. */
    String name();

    /** c = a * b */
    void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** c = a<sup>T</sup> * b */
    void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** c = a * b<sup>T</sup> */
    void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /**
     * These kernels on {@code threads} threads of their own. Results must be bitwise identical
     * whatever the thread count (a fixed split of the output, a fixed order of operations for each
     * element). Single-threaded implementations return themselves.
     */
    default Kernels withThreads(int threads) {
        if (threads <= 0) {
            throw new NnException("kernels " + name() + ": threads must be a positive number, got " + threads);
        }
        return this;
    }

    /** How many threads these kernels use. */
    default int threads() {
        return 1;
    }
}
