package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nn.api.Features;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class LabeledDataTest {

    /** Four samples of two values: sample i is (i, 10 i), its target i. */
    private static LabeledData fourSamples() {
        FMatrixRMaj x = new FMatrixRMaj(4, 2, true, 0, 0, 1, 10, 2, 20, 3, 30);
        FMatrixRMaj y = new FMatrixRMaj(4, 1, true, 0, 1, 2, 3);
        return new LabeledData(x, y);
    }

    @Test
    void aMatrixOfFeaturesIsShared() {
        FMatrixRMaj x = new FMatrixRMaj(2, 3);
        LabeledData data = new LabeledData(x, new FMatrixRMaj(2, 1));
        x.set(1, 2, 5f);
        assertEquals(2, data.size());
        assertEquals(5f, data.features().toMatrix().get(1, 2));
    }

    @Test
    void rowsViewTheFeaturesAndCopyTheTargets() {
        LabeledData data = fourSamples();
        LabeledData middle = data.rows(1, 3);
        assertEquals(2, middle.size());
        assertArrayEquals(new float[] {1, 10, 2, 20}, middle.features().toMatrix().data);
        assertArrayEquals(new float[] {1, 2}, middle.targets().data);
        data.targets().set(1, 0, 9f);
        assertEquals(1f, middle.targets().get(0, 0));
    }

    @Test
    void rowsOfByteFeaturesStayBytes() {
        LabeledData data = new LabeledData(Features.ofBytes(new byte[] {0, 7, 7, 0}, 2, 14f), new FMatrixRMaj(2, 1));
        assertArrayEquals(new float[] {0.5f, 0f}, data.rows(1, 2).features().toMatrix().data);
    }

    @Test
    void featuresAndTargetsMustCountTheSameSamples() {
        NnException e = assertThrows(NnException.class, () -> new LabeledData(new FMatrixRMaj(3, 2), new FMatrixRMaj(2, 1)));
        assertEquals("data: 3 samples but 2 targets", e.getMessage());
    }

    @Test
    void rowsOutsideTheSamples() {
        LabeledData data = fourSamples();
        NnException e = assertThrows(NnException.class, () -> data.rows(2, 5));
        assertEquals("data: rows [2, 5) are outside the 4 samples", e.getMessage());
        e = assertThrows(NnException.class, () -> data.rows(2, 2));
        assertEquals("data: rows [2, 2) are outside the 4 samples", e.getMessage());
    }
}
