package nn.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Square 3x3 operands, so that every shape fits and only the shared arrays are wrong. */
    @Test
    void checkGradientsRefusesOutputsThatShareAnArray() {
        FMatrixRMaj x = new FMatrixRMaj(3, 3);
        FMatrixRMaj w = new FMatrixRMaj(3, 3);
        FMatrixRMaj g = new FMatrixRMaj(3, 3);
        FMatrixRMaj dx = new FMatrixRMaj(3, 3);
        FMatrixRMaj dw = new FMatrixRMaj(3, 3);
        String withInputs = "multGradients: da and db must not share an array with a, b or dc";
        FMatrixRMaj[][] sharingWithInputs = {{x, w, g, x, dw}, {x, w, g, w, dw}, {x, w, g, g, dw}, {x, w, g, dx, x},
            {x, w, g, dx, w}, {x, w, g, dx, g}};
        for (FMatrixRMaj[] m : sharingWithInputs) {
            assertEquals(withInputs, message(m));
        }
        assertEquals("multGradients: da and db must not share an array", message(new FMatrixRMaj[] {x, w, g, dx, dx}));
    }

    private static String message(FMatrixRMaj[] m) {
        return assertThrows(IllegalArgumentException.class, () -> ProductOps.checkGradients(m[0], m[1], m[2], m[3], m[4]))
                .getMessage();
    }
}
