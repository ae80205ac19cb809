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
     * Whether f is element-wise and non-decreasing exactly in float arithmetic, with f' = 0 wherever
     * it makes two different inputs equal (relu: max(x, 0), whose gradient at 0 is 0). Then f of a
     * window's largest value is the largest f, and the gradient reaches the same input, or one whose
     * f' is 0 either way, so a model may run f after a max pool ({@link MaxSelecting}) instead of
     * before it: the same outputs and gradients bit for bit, on fewer values. False unless declared.
     */
    default boolean commutesWithMax() {
        return false;
    }

    /** Parameters beyond the name, e.g. {@code alpha}; empty for most. */
    default Map<String, Object> config() {
        return Map.of();
    }
}
