package nn.api;

import org.ejml.data.FMatrixRMaj;

/** A metric accumulated over batches, e.g. {@code accuracy}; one instance a use, since it has state. */
public interface Metric {

    /** Keras name, as shown in logs: {@code accuracy}. */
    String name();

    void reset();

    void update(FMatrixRMaj predictions, FMatrixRMaj targets);

    /** The value over every sample since the last reset. */
    double result();
}
