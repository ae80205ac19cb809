package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nn.api.BuildContext;
import nn.api.NnException;
import nn.api.Shape;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void dropsAboutRateAndScalesTheRestAndTheGradientFollowsTheMask() {
        Dropout dropout = new Dropout(0.25f);
        dropout.build(Shape.of(1000), BuildContext.seeded(1));
        FMatrixRMaj x = new FMatrixRMaj(4, 1000);
        java.util.Arrays.fill(x.data, 1f);
        FMatrixRMaj y = dropout.forward(x, true);
        int dropped = 0;
        for (float v : y.data) {
            if (v == 0f) {
                dropped++;
            } else {
                assertEquals(1f / 0.75f, v, 1e-6f);
            }
        }
        assertEquals(0.25, dropped / 4000.0, 0.03);
        FMatrixRMaj dy = new FMatrixRMaj(4, 1000);
        java.util.Arrays.fill(dy.data, 2f);
        FMatrixRMaj dx = dropout.backward(dy, true);
        for (int i = 0; i < y.data.length; i++) {
            assertEquals(y.data[i] * 2f, dx.data[i], 1e-6f);
        }
    }

    @Test
    void saysItDrawsRandomNumbersInTrainingAsOtherLayersDoNot() {
        assertTrue(new Dropout(0.25f).usesRandomnessInTraining());
        assertFalse(new Dense(2).usesRandomnessInTraining());
    }

    @Test
    void inferencePassesThrough() {
        Dropout dropout = new Dropout(0.5f);
        dropout.build(Shape.of(3), BuildContext.seeded(1));
        FMatrixRMaj x = new FMatrixRMaj(2, 3);
        assertSame(x, dropout.forward(x, false));
    }

    @Test
    void rateOutsideTheRangeIsRejected() {
        NnException e = assertThrows(NnException.class, () -> new Dropout(1.0f));
        assertEquals("layer Dropout: 'rate' must be a number in [0, 1), got 1.0", e.getMessage());
    }
}
