/**
 * Fast {@link nn.api.Kernels} on the JDK Vector API (incubating in JDK 17): register-tiled float
 * products, bitwise identical to a scalar fused-multiply-add loop whatever the vector width and
 * thread count.
 */
module nn.kernels.vector {
    requires nn.api;
    requires jdk.incubator.vector;

    exports nn.kernels.vector;

    provides nn.api.Kernels with nn.kernels.vector.VectorKernels;
}
