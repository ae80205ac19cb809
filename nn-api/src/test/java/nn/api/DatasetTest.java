package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final Shape SAMPLE = Shape.of(2, 2);

    @Test
    void acceptsMatchingSplits() {
        Features trainX = Features.ofBytes(new byte[5 * 4], 4, 255f);
        FMatrixRMaj trainY = new FMatrixRMaj(5, 1);
        Features testX = Features.of(new FMatrixRMaj(3, 4));
        FMatrixRMaj testY = new FMatrixRMaj(3, 1);
        Dataset d = new Dataset("tiny", SAMPLE, List.of("a", "b"), trainX, trainY, testX, testY);
        assertEquals("tiny", d.name());
        assertEquals(SAMPLE, d.sampleShape());
        assertEquals(List.of("a", "b"), d.classNames());
        assertSame(trainX, d.trainFeatures());
        assertSame(trainY, d.trainLabels());
        assertSame(testX, d.testFeatures());
        assertSame(testY, d.testLabels());
    }

    @Test
    void featuresGivenAsMatricesAreSharedNotCopied() {
        FMatrixRMaj trainX = new FMatrixRMaj(5, 4);
        FMatrixRMaj testX = new FMatrixRMaj(3, 4);
        Dataset d = new Dataset("tiny", SAMPLE, List.of(), trainX, new FMatrixRMaj(5, 1), testX, new FMatrixRMaj(3, 1));
        trainX.set(4, 3, 7f);
        testX.set(2, 0, 9f);
        assertEquals(5, d.trainFeatures().rows());
        assertEquals(7f, d.trainFeatures().toMatrix().get(4, 3));
        assertEquals(3, d.testFeatures().rows());
        assertEquals(9f, d.testFeatures().toMatrix().get(2, 0));
    }

    @Test
    void byteFeaturesOfTheWrongWidth() {
        NnException e = assertThrows(NnException.class, () -> new Dataset("tiny", SAMPLE, List.of(),
                Features.ofBytes(new byte[6], 3, 255f), new FMatrixRMaj(2, 1),
                Features.ofBytes(new byte[4], 4, 255f), new FMatrixRMaj(1, 1)));
        assertEquals("dataset tiny: train features have 3 values a sample, the sample shape (2, 2) needs 4", e.getMessage());
    }

    @Test
    void classNamesAreCopied() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Dataset d = new Dataset("tiny", SAMPLE, names, new FMatrixRMaj(1, 4), new FMatrixRMaj(1, 1),
                new FMatrixRMaj(1, 4), new FMatrixRMaj(1, 1));
        names.add("c");
        assertEquals(List.of("a", "b"), d.classNames());
        assertThrows(UnsupportedOperationException.class, () -> d.classNames().add("c"));
    }

    @Test
    void trainFeaturesOfTheWrongWidth() {
        NnException e = assertThrows(NnException.class, () -> new Dataset("fashion_mnist", Shape.of(28, 28), List.of(),
                new FMatrixRMaj(2, 783), new FMatrixRMaj(2, 1), new FMatrixRMaj(1, 784), new FMatrixRMaj(1, 1)));
        assertEquals("dataset fashion_mnist: train features have 783 values a sample, the sample shape (28, 28) needs 784",
                e.getMessage());
    }

    @Test
    void testFeaturesOfTheWrongWidth() {
        NnException e = assertThrows(NnException.class, () -> new Dataset("tiny", SAMPLE, List.of(),
                new FMatrixRMaj(2, 4), new FMatrixRMaj(2, 1), new FMatrixRMaj(1, 5), new FMatrixRMaj(1, 1)));
        assertEquals("dataset tiny: test features have 5 values a sample, the sample shape (2, 2) needs 4", e.getMessage());
    }

    @Test
    void trainLabelsOfTheWrongCount() {
        NnException e = assertThrows(NnException.class, () -> new Dataset("tiny", SAMPLE, List.of(),
                new FMatrixRMaj(6, 4), new FMatrixRMaj(5, 1), new FMatrixRMaj(1, 4), new FMatrixRMaj(1, 1)));
        assertEquals("dataset tiny: train has 6 samples but 5 labels", e.getMessage());
    }

    @Test
    void testLabelsOfTheWrongCount() {
        NnException e = assertThrows(NnException.class, () -> new Dataset("fashion_mnist", SAMPLE, List.of(),
                new FMatrixRMaj(6, 4), new FMatrixRMaj(6, 1), new FMatrixRMaj(10, 4), new FMatrixRMaj(9, 1)));
        assertEquals("dataset fashion_mnist: test has 10 samples but 9 labels", e.getMessage());
    }
}
