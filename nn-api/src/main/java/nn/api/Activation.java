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

    /** Parameters beyond the name, e.g. {@code alpha}; empty for most. */
    default Map<String, Object> config() {
        return Map.of();
    }
}
