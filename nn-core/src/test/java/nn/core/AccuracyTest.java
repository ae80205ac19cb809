package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void sparseCategoricalAccumulatesOverBatchesUntilReset() {
        Accuracy accuracy = new Accuracy();
        FMatrixRMaj predictions = new FMatrixRMaj(3, 3, true, 0.1f, 0.8f, 0.1f, 0.6f, 0.3f, 0.1f, 0.2f, 0.2f, 0.6f);
        accuracy.update(predictions, new FMatrixRMaj(3, 1, true, 1f, 1f, 2f));
        assertEquals(2.0 / 3, accuracy.result(), 1e-12);
        accuracy.update(new FMatrixRMaj(1, 3, true, 0f, 0f, 1f), new FMatrixRMaj(1, 1, true, 0f));
        assertEquals(2.0 / 4, accuracy.result(), 1e-12);
        accuracy.reset();
        assertEquals(0.0, accuracy.result());
    }

    @Test
    void tiesGoToTheFirstClassAsNumpyArgmax() {
        Accuracy accuracy = new Accuracy();
        accuracy.update(new FMatrixRMaj(1, 2, true, 0.5f, 0.5f), new FMatrixRMaj(1, 1, true, 0f));
        assertEquals(1.0, accuracy.result());
    }

    @Test
    void categoricalAndBinary() {
        Accuracy categorical = new Accuracy();
        categorical.update(new FMatrixRMaj(2, 2, true, 0.9f, 0.1f, 0.4f, 0.6f), new FMatrixRMaj(2, 2, true, 1, 0, 1, 0));
        assertEquals(0.5, categorical.result());
        Accuracy binary = new Accuracy();
        binary.update(new FMatrixRMaj(2, 1, true, 0.7f, 0.2f), new FMatrixRMaj(2, 1, true, 1f, 1f));
        assertEquals(0.5, binary.result());
    }
}
