/**
 * Saving and loading models, with no launcher around them: nn's own model.zip (weights, optimizer
 * state, caller state), Keras 2's legacy .h5, Keras 3's .keras and the TensorFlow.js layers-model,
 * as formats that read and write one model description. Also the Keras model JSON, the tutorial's
 * presets and the atomic file writes every saved file goes through.
 */
module nn.io {
    requires transitive nn.core;
    requires com.fasterxml.jackson.databind;
    requires io.jhdf;
    // jhdf is an automatic module and declares nothing: what it loads at run time must be resolved here.
    requires org.slf4j;
    requires org.apache.commons.lang3;

    exports nn.io;

    uses nn.io.ModelFormat;
    provides nn.io.ModelFormat with nn.io.NnArchiveFormat, nn.io.tfjs.TfjsFormat, nn.io.h5.H5Format,
            nn.io.keras.KerasFormat;
    provides nn.core.ModelSaver with nn.io.SequentialSaver;
}
