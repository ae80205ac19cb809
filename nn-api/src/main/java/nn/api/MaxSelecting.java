package nn.api;

/**
 * A layer each of whose outputs is the largest of a fixed set of its inputs ({@code Math.max} over
 * them in a fixed order, so NaN wins), channel by channel, the same in training and inference,
 * whose gradient sends each output's dy to one of those inputs chosen by equality with the output
 * (the first), writes +0 to the inputs no output chose, and adds from +0 in a fixed order where
 * windows overlap: max pooling. Sequential runs an Activation layer just before such a layer after
 * it instead, when its activation {@link Activation#commutesWithMax}: relu then max-pool as
 * max-pool then relu, on a quarter of the values for 2x2 pools, the same outputs and gradients bit
 * for bit (graph compilers do the same, e.g. ONNX-MLIR's and Caffe2's max-pool sinking).
 */
public interface MaxSelecting extends Layer {
}
