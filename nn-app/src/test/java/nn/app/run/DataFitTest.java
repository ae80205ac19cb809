package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nn.api.Dataset;
import nn.api.NnException;
import nn.api.Shape;
import nn.core.Dense;
import nn.core.Flatten;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class DataFitTest {
    /** Two 2x2 samples of three classes. */
    private static final Dataset DATA = new Dataset("tiny", Shape.of(2, 2), List.of("a", "b", "c"),
            new FMatrixRMaj(2, 4), new FMatrixRMaj(2, 1), new FMatrixRMaj(2, 4), new FMatrixRMaj(2, 1));

    private static Sequential model(int inputRows, int units) {
        return new Sequential(1).add(new Flatten(inputRows, 2)).add(new Dense(units, "softmax", true));
    }

    @Test
    void aModelThatTakesTheSamplesAndHasAUnitAClassFits() {
        DataFit.check("m.json", model(2, 3), DATA);
        DataFit.check("m.json", model(2, 4), DATA);
    }

    @Test
    void anotherInputShape() {
        NnException e = assertThrows(NnException.class, () -> DataFit.check("m.json", model(3, 3), DATA));
        assertEquals("m.json: the model takes inputs of shape (3, 2) (6 values), but the tiny samples have shape (2, 2) (4 values)",
                e.getMessage());
    }

    @Test
    void fewerUnitsThanClasses() {
        NnException e = assertThrows(NnException.class, () -> DataFit.check("m.json", model(2, 2), DATA));
        assertEquals("m.json: the model's output has 2 units, but tiny has 3 classes (labels 0 to 2): the last layer needs 3 units",
                e.getMessage());
    }
}
