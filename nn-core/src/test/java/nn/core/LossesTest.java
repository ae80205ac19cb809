package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nn.api.Loss;
import nn.api.NnException;
import nn.testkit.GradientCheck;
import nn.testkit.RandomMatrices;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossesTest {

    private static FMatrixRMaj row(float... v) {
        return new FMatrixRMaj(1, v.length, true, v);
    }

    @Test
    void sparseFromLogitsByHand() {
        // logits (1, 2, 3), label 2: logsumexp = 3 + ln(1 + e^-1 + e^-2) = 3.4076059644
        // loss = 3.4076059644 - 3 = 0.4076059644; gradient = softmax - onehot = (0.0900306, 0.2447285, -0.3347590)
        FMatrixRMaj gradient = new FMatrixRMaj(1, 3);
        float loss = new SparseCategoricalCrossentropy().computeFromLogits(row(1, 2, 3), row(2), gradient);
        assertEquals(0.4076059644f, loss, 1e-6f);
        assertArrayEquals(new float[] {0.0900306f, 0.2447285f, -0.3347590f}, gradient.data, 1e-6f);
    }

    @Test
    void sparseFromLogitsAveragesOverTheBatch() {
        // two rows with equal logits (0, 0): each loss ln 2, gradient (0.5 - onehot) / 2
        FMatrixRMaj logits = new FMatrixRMaj(2, 2);
        FMatrixRMaj labels = new FMatrixRMaj(2, 1, true, 0f, 1f);
        FMatrixRMaj gradient = new FMatrixRMaj(2, 2);
        float loss = new SparseCategoricalCrossentropy().computeFromLogits(logits, labels, gradient);
        assertEquals((float) Math.log(2), loss, 1e-7f);
        assertArrayEquals(new float[] {-0.25f, 0.25f, 0.25f, -0.25f}, gradient.data, 1e-7f);
    }

    @Test
    void sparseFromProbabilitiesClipsToEpsilon() {
        // p_label = 0 is clipped to 1e-7: loss = -ln(1e-7) = 16.118095
        float loss = new SparseCategoricalCrossentropy().compute(row(1f, 0f), row(1), null);
        assertEquals(16.118095f, loss, 1e-4f);
        // p_label = 0.25: loss = ln 4
        assertEquals((float) Math.log(4), new SparseCategoricalCrossentropy().compute(row(0.75f, 0.25f), row(1), null), 1e-7f);
    }

    @Test
    void fromLogitsAndFromProbabilitiesAgree() {
        FMatrixRMaj logits = RandomMatrices.normal(4, 5, 1);
        FMatrixRMaj probabilities = new FMatrixRMaj(4, 5);
        new Softmax().forward(logits, probabilities);
        FMatrixRMaj labels = new FMatrixRMaj(4, 1, true, 0f, 4f, 2f, 2f);
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        assertEquals(loss.computeFromLogits(logits, labels, null), loss.compute(probabilities, labels, null), 1e-6f);
        assertEquals(loss.computeFromLogits(logits, labels, null), new SparseCategoricalCrossentropy(true).compute(logits, labels, null));
    }

    @Test
    void fusesOnlyWithSoftmax() {
        assertTrue(new SparseCategoricalCrossentropy().fusesWith(new Softmax()));
        assertFalse(new SparseCategoricalCrossentropy().fusesWith(new Sigmoid()));
        assertFalse(new SparseCategoricalCrossentropy(true).fusesWith(new Softmax()));
        assertTrue(new CategoricalCrossentropy().fusesWith(new Softmax()));
        assertFalse(new MeanSquaredError().fusesWith(new Softmax()));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FMatrixRMaj labels = new FMatrixRMaj(3, 1, true, 1f, 0f, 3f);
        FMatrixRMaj oneHot = new FMatrixRMaj(3, 4, true, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1);
        checkGradient("sparse from logits", new SparseCategoricalCrossentropy(true), RandomMatrices.normal(3, 4, 2), labels);
        checkGradient("categorical from logits", new CategoricalCrossentropy(true), RandomMatrices.normal(3, 4, 3), oneHot);
        checkGradient("mse", new MeanSquaredError(), RandomMatrices.normal(3, 4, 4), RandomMatrices.normal(3, 4, 5));
        FMatrixRMaj probabilities = new FMatrixRMaj(3, 4);
        new Softmax().forward(RandomMatrices.normal(3, 4, 6), probabilities);
        checkGradient("sparse from probabilities", new SparseCategoricalCrossentropy(), probabilities, labels);
        checkGradient("categorical from probabilities", new CategoricalCrossentropy(), probabilities.copy(), oneHot);
    }

    private static void checkGradient(String what, Loss loss, FMatrixRMaj predictions, FMatrixRMaj targets) {
        FMatrixRMaj gradient = new FMatrixRMaj(predictions.numRows, predictions.numCols);
        loss.compute(predictions, targets, gradient);
        GradientCheck.assertGradient(what, predictions.data, gradient.data, predictions.getNumElements(),
                () -> loss.compute(predictions, targets, null));
    }

    @Test
    void categoricalByHand() {
        // one-hot (0, 0, 1) is the sparse label 2: same loss as sparseFromLogitsByHand
        float loss = new CategoricalCrossentropy().computeFromLogits(row(1, 2, 3), row(0, 0, 1), null);
        assertEquals(0.4076059644f, loss, 1e-6f);
    }

    @Test
    void meanSquaredErrorByHand() {
        // ((1-0)^2 + (2-4)^2) / 2 = 2.5
        assertEquals(2.5f, new MeanSquaredError().compute(row(1, 2), row(0, 4), null));
    }

    @Test
    void badTargetsAreNamed() {
        NnException range = assertThrows(NnException.class,
                () -> new SparseCategoricalCrossentropy().computeFromLogits(row(1, 2, 3), row(3), null));
        assertEquals("sparse_categorical_crossentropy: target 3.0 in row 0 is not a class index in [0, 2]", range.getMessage());
        NnException shape = assertThrows(NnException.class,
                () -> new CategoricalCrossentropy().compute(row(0.5f, 0.5f), row(1), null));
        assertTrue(shape.getMessage().startsWith("categorical_crossentropy: targets of shape 1x1 do not fit predictions"),
                shape.getMessage());
    }
}
