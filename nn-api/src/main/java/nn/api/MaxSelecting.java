package nn.api;

/**
 * A layer each of whose outputs is the largest of some of its inputs, channel by channel, the
 * gradient going to the first largest one (max pooling). Sequential runs an Activation layer just
 * before such a layer after it instead, when its activation {@link Activation#commutesWithMax}:
 * relu then max-pool as max-pool then relu, on a quarter of the values for 2x2 pools, the same
 * outputs and gradients bit for bit (graph compilers do the same, e.g. ONNX-MLIR's and Caffe2's
 * max-pool sinking).
 */
public interface MaxSelecting extends Layer {
}
