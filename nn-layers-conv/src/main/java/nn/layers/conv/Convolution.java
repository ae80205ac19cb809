package nn.layers.conv;

import org.ejml.data.FMatrixRMaj;

/**
 * How a {@link Conv2D} computes its windows' products, z = x * K, and their gradients; the bias and
 * the activation stay in the layer. Shapes: x is n x (h * w * c), z and dz are n x (positions *
 * filters), the kernel is (kh * kw * c) x filters, all channels_last and row-major.
 */
interface Convolution {
    /**
     * z = x * kernel; with {@code training}, keeps what {@link #backward} needs for this batch (which
     * may be x itself, by reference: as for every layer, x must not change until backward).
     */
    void forward(FMatrixRMaj x, FMatrixRMaj kernel, boolean training, FMatrixRMaj z);

    /** Whether the last forward pass was a training pass over a batch of {@code samples}. */
    boolean holdsBatch(int samples);

    /**
     * From dz, the kernel's gradient into {@code kernelGradient} and the input's into {@code dx}
     * (each skipped when null; dx is shaped n x (h * w * c) by the caller). {@code kernel} is the
     * one the forward pass used: weights change only after backward.
     */
    void backward(FMatrixRMaj dz, FMatrixRMaj kernel, FMatrixRMaj kernelGradient, FMatrixRMaj dx);
}
