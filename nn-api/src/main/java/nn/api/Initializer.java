package nn.api;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/** Fills a new weight, as Keras's initializers do; see {@link Initializers} for the built-in ones. */
public interface Initializer {

    /** Fills {@code target}, which stores a weight of the given shape. */
    void initialize(FMatrixRMaj target, Shape shape, RandomGenerator random);

    /** Keras serialization: {@code {"class_name": "GlorotUniform", "config": {...}}}. */
    Map<String, Object> toConfig();
}
