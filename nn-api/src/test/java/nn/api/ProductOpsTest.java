package nn.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class ProductOpsTest {
    private final FMatrixRMaj a = new FMatrixRMaj(4, 3);
    private final FMatrixRMaj b = new FMatrixRMaj(3, 2);
    private final FMatrixRMaj dc = new FMatrixRMaj(4, 2);
    private final FMatrixRMaj da = new FMatrixRMaj(4, 3);
    private final FMatrixRMaj db = new FMatrixRMaj(3, 2);

    @Test
    void checkGradientsAcceptsTheShapesOfCEqualsAB() {
        assertDoesNotThrow(() -> ProductOps.checkGradients(a, b, dc, da, db));
    }

    @Test
    void checkGradientsNamesEveryShapeWhenOneIsWrong() {
        FMatrixRMaj[][] wrong = {
            {a, new FMatrixRMaj(2, 2), dc, da, db}, {a, b, new FMatrixRMaj(4, 3), da, db}, {a, b, new FMatrixRMaj(5, 2), da, db},
            {a, b, dc, new FMatrixRMaj(3, 4), db}, {a, b, dc, da, new FMatrixRMaj(2, 3)}};
        for (FMatrixRMaj[] m : wrong) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProductOps.checkGradients(m[0], m[1], m[2], m[3], m[4]));
            assertTrue(e.getMessage().startsWith("multGradients: a is 4x3, b ") && e.getMessage().contains(", da ")
                    && e.getMessage().contains(", db "), e.getMessage());
        }
    }

    @Test
    void checkGradientsRefusesOutputsThatShareAnArray() {
        FMatrixRMaj square = new FMatrixRMaj(3, 3);
        FMatrixRMaj other = new FMatrixRMaj(3, 3);
        String[] messages = {
            message(square, other, other, other, new FMatrixRMaj(3, 3)), // da is dc
            message(square, other, new FMatrixRMaj(3, 3), square, new FMatrixRMaj(3, 3)), // da is a
            message(square, other, new FMatrixRMaj(3, 3), new FMatrixRMaj(3, 3), other), // db is b
            message(square, other, new FMatrixRMaj(3, 3), new FMatrixRMaj(3, 3), null)}; // da is db
        for (String m : messages) {
            assertTrue(m.startsWith("multGradients: da and db must not share an array"), m);
        }
    }

    /** The message of checkGradients' refusal; db null means db is da. */
    private static String message(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj dc, FMatrixRMaj da, FMatrixRMaj db) {
        FMatrixRMaj d = db == null ? da : db;
        return assertThrows(IllegalArgumentException.class, () -> ProductOps.checkGradients(a, b, dc, da, d)).getMessage();
    }
}
