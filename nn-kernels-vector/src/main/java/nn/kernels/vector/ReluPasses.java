package nn.kernels.vector;

/** {@link nn.api.Kernels#reluBackward} on the Vector API, equal to {@link nn.api.ReluOps} bit for bit. */
interface ReluPasses {

    /** The pass for {@code from <= i < to}; arguments already checked. */
    void backward(float[] y, float[] dy, float[] dx, int from, int to);
}
