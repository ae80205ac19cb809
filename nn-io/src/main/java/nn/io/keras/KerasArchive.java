package nn.io.keras;

import java.util.List;

/** The entries of a Keras 3 {@code .keras} zip, in the order Keras writes them. */
final class KerasArchive {
    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    static final List<String> ENTRIES = List.of(METADATA, CONFIG, WEIGHTS);
    /** The Keras version whose format this follows. */
    static final String KERAS_VERSION = "3.15.0";

    private KerasArchive() {
    }
}
