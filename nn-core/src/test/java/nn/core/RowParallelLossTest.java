package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import nn.api.NnException;
import nn.testkit.RangeCuttingKernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The sparse cross-entropy from logits cut by rows gives the loss and gradient bits of the whole loop. */
class RowParallelLossTest {

    @Test
    void rowsCutAnyWayGiveTheBitsOfTheWholeLoop() {
        SplittableRandom random = new SplittableRandom(14);
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy(true);
        for (int rows : new int[] {1, 7, 64, 256, 301}) {
            FMatrixRMaj logits = new FMatrixRMaj(rows, 10);
            FMatrixRMaj targets = new FMatrixRMaj(rows, 1);
            for (int i = 0; i < logits.data.length; i++) {
                logits.data[i] = (float) (random.nextGaussian() * 4);
            }
            for (int r = 0; r < rows; r++) {
                targets.data[r] = random.nextInt(10);
            }
            FMatrixRMaj expected = new FMatrixRMaj(rows, 10);
            float value = loss.computeFromLogits(logits, targets, expected);
            for (int length : new int[] {1, 5, 64, 1000}) {
                RangeCuttingKernels cutting = new RangeCuttingKernels(length);
                FMatrixRMaj gradient = new FMatrixRMaj(rows, 10);
                float cut = new RowParallelLoss().compute(loss, logits, targets, gradient, cutting.kernels());
                assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(cut), rows + " rows in ranges of " + length);
                assertArrayEquals(expected.data, gradient.data, rows + " rows in ranges of " + length);
                assertEquals(List.of(rows), cutting.sizes());
            }
        }
    }

    @Test
    void aBadTargetIsNamedAsByTheWholeLoop() {
        FMatrixRMaj logits = new FMatrixRMaj(3, 4);
        FMatrixRMaj targets = new FMatrixRMaj(new float[][] {{0}, {4}, {1}});
        NnException e = assertThrows(NnException.class, () -> new RowParallelLoss().compute(
                new SparseCategoricalCrossentropy(true), logits, targets, new FMatrixRMaj(3, 4), new RangeCuttingKernels(1).kernels()));
        assertEquals("sparse_categorical_crossentropy: target 4.0 in row 1 is not a class index in [0, 3]", e.getMessage());
    }
}
