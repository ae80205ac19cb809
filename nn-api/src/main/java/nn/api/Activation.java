package nn.api;

import java.util.Map;
import org.ejml.data.FMatrixRMaj;

/**
 * An activation function applied to a batch, row by row ({@code softmax}) or element by element
 * ({@code relu}). Stateless; buffers belong to the caller and are all of the same size.
 */
public interface Activation {

    /** Keras name, e.g. {@code relu}. */
    String name();

    /** y = f(x); y may be x itself. */
    void forward(FMatrixRMaj x, FMatrixRMaj y);

    /** dx = dL/dx given the forward pass's x and y and dy = dL/dy; dx may be dy itself. */
    void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx);

    /**
     * {@link #backward(FMatrixRMaj, FMatrixRMaj, FMatrixRMaj, FMatrixRMaj)} with the model's
     * kernels at hand, for an activation that has a pass of theirs (ReLU: {@link Kernels#reluBackward});
     * the same bits. Layers call it outside the kernels' own tasks. By default the plain pass.
     */
    default void backward(Kernels kernels, FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        backward(x, y, dy, dx);
    }

    /**
     * Whether a model may run f after a max pool ({@link MaxSelecting}) instead of before it, with
     * the same outputs and gradients bit for bit, on fewer values. That needs all of: f element-wise
     * and non-decreasing exactly in float arithmetic, f(NaN) = NaN; f' = 0 wherever f makes two
     * different inputs equal, the edges of flat stretches included; and backward writing +0 there
     * whatever dy is (not dy * 0, which is -0 for negative dy) and NaN only where dy is NaN. relu
     * qualifies (max(x, 0); its backward masks dy with the sign of y). leaky relu, elu, sigmoid and
     * the like must not declare it: rounding ties their inputs where f' is not 0. False by default.
     */
    default boolean commutesWithMax() {
        return false;
    }

    /** Parameters beyond the name, e.g. {@code alpha}; empty for most. */
    default Map<String, Object> config() {
        return Map.of();
    }
}
