package nn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;
import nn.api.Shape;
import org.junit.jupiter.api.Test;

/** getWeights / setWeights as Keras's get_weights / set_weights, and save without nn.io. */
class SequentialWeightsTest {
    private static Sequential mlp(long seed) {
        return new Sequential(seed).add(new Dense(4, "relu", true)).add(new Dense(2, "softmax", true)).build(Shape.of(3));
    }

    @Test
    void getWeightsCopiesEveryVariableInModelOrder() {
        Sequential model = mlp(1);
        List<float[]> weights = model.getWeights();
        assertEquals(List.of(12, 4, 8, 2), weights.stream().map(w -> w.length).toList());
        assertArrayEquals(model.weights().get(0).value().data, weights.get(0));
        assertNotSame(model.weights().get(0).value().data, weights.get(0));
        weights.get(0)[0] = 99;
        assertEquals(model.getWeights().get(0)[0], model.weights().get(0).value().data[0], "a copy, not the live array");
    }

    @Test
    void setWeightsTakesAnotherModelsWeights() {
        Sequential a = mlp(1);
        Sequential b = mlp(2);
        b.setWeights(a.getWeights());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.getWeights().get(i), b.getWeights().get(i));
        }
    }

    @Test
    void setWeightsChecksCountAndSizesBeforeChangingAnything() {
        Sequential model = mlp(1);
        List<float[]> before = model.getWeights();
        assertEquals("model sequential has 4 variables, got 3 arrays",
                assertThrows(NnException.class, () -> model.setWeights(before.subList(0, 3))).getMessage());
        List<float[]> wrong = new ArrayList<>(before);
        wrong.set(0, new float[12]);
        wrong.set(3, new float[5]);
        assertEquals("array 3 has 5 values, but variable dense_1/bias:0 of shape " + Shape.of(2) + " needs 2",
                assertThrows(NnException.class, () -> model.setWeights(wrong)).getMessage());
        assertArrayEquals(before.get(0), model.getWeights().get(0), "nothing changed");
    }

    @Test
    void savingWithoutNnIoSaysWhatIsMissing() {
        NnException e = assertThrows(NnException.class, () -> mlp(1).save(Path.of("model.zip")));
        assertEquals("cannot save model sequential to model.zip: saving needs module nn.io (artifact dev.nn:nn-io)"
                + " on the module path or class path", e.getMessage());
    }
}
