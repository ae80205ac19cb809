/**
 * The service interfaces of nn. Layers, activations, optimizers, losses, metrics and datasets are
 * created by name from providers found with {@link java.util.ServiceLoader}; matrices are EJML
 * float32 {@code FMatrixRMaj}, with batch rows.
 */
module nn.api {
    requires transitive ejml.core;
    requires transitive ejml.fdense;

    exports nn.api;

    uses nn.api.ActivationProvider;

    provides nn.api.Kernels with nn.api.EjmlKernels;
}
