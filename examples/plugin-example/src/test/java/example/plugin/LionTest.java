package example.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nn.api.Config;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.api.Shape;
import nn.api.Variable;
import org.junit.jupiter.api.Test;

class LionTest {

    /**
     * learning_rate 0.1, beta_1 0.9, beta_2 0.99; w = [1, -2, 0.5].
     * Step 1, g = [0.5, -1, 0]: c = 0.1 g = [0.05, -0.1, 0], w = [0.9, -1.9, 0.5], m = 0.01 g = [0.005, -0.01, 0].
     * Step 2, g = [-0.2, -1, 0.3]: c = 0.9 m + 0.1 g = [-0.0155, -0.109, 0.03], w = [1.0, -1.8, 0.4],
     * m = 0.99 m + 0.01 g = [0.00295, -0.0199, 0.003].
     */
    @Test
    void twoStepsByHand() {
        Optimizer lion = create(Map.of("learning_rate", 0.1));
        Variable w = variable("dense/kernel:0", true, 1f, -2f, 0.5f);

        step(lion, w, 0.5f, -1f, 0f);
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.5f}, w.value().data, 1e-6f);
        assertArrayEquals(new float[] {0.005f, -0.01f, 0f}, lion.slots().get("dense/kernel:0/momentum").data, 1e-7f);

        step(lion, w, -0.2f, -1f, 0.3f);
        assertArrayEquals(new float[] {1.0f, -1.8f, 0.4f}, w.value().data, 1e-6f);
        assertArrayEquals(new float[] {0.00295f, -0.0199f, 0.003f}, lion.slots().get("dense/kernel:0/momentum").data,
                1e-7f);
        assertEquals(2, lion.iterations());
    }

    @Test
    void oneMomentumSlotPerTrainableVariable() {
        Optimizer lion = create(Map.of());
        Variable kernel = variable("dense/kernel:0", true, 1f, 2f);
        Variable bias = variable("dense/bias:0", true, 0f);
        Variable frozen = variable("batch_normalization/moving_mean:0", false, 3f);

        lion.build(List.of(kernel, bias, frozen));
        assertEquals(List.of("dense/kernel:0/momentum", "dense/bias:0/momentum"), List.copyOf(lion.slots().keySet()));
        assertArrayEquals(new float[] {0f, 0f}, lion.slots().get("dense/kernel:0/momentum").data);

        kernel.gradient().data[0] = 1f;
        lion.apply(List.of(kernel, bias, frozen));
        assertArrayEquals(new float[] {0.999f, 2f}, kernel.value().data, 1e-7f);
        assertArrayEquals(new float[] {3f}, frozen.value().data, "a non-trainable variable is left alone");
        assertEquals(2, lion.slots().size());
    }

    @Test
    void countsIterations() {
        Optimizer lion = create(Map.of());
        lion.apply(List.of());
        assertEquals(1, lion.iterations(), "a step counts even with no variables");
        lion.setIterations(41);
        lion.apply(List.of());
        assertEquals(42, lion.iterations());
        assertThrows(NnException.class, () -> lion.setIterations(-1));
    }

    @Test
    void configWithKerasDefaultsRoundTrips() {
        Optimizer lion = create(Map.of());
        assertEquals("Lion", lion.type());
        Map<String, Object> expected = Map.of("name", "Lion", "learning_rate", 0.001, "beta_1", 0.9, "beta_2", 0.99);
        assertEquals(expected, lion.config());
        assertEquals(expected, create(lion.config()).config());
        assertEquals(3.0E-4, create(Map.of("learning_rate", 0.0003)).config().get("learning_rate"));
    }

    @Test
    void badConfigValuesNameTheKeyAndTheRule() {
        assertEquals("optimizer Lion: 'learning_rate' must be a finite number > 0, got 0",
                error(Map.of("learning_rate", 0)));
        assertEquals("optimizer Lion: 'learning_rate' must be a number, got \"fast\"",
                error(Map.of("learning_rate", "fast")));
        assertEquals("optimizer Lion: 'beta_1' must be in (0, 1], got 1.5", error(Map.of("beta_1", 1.5)));
        assertEquals("optimizer Lion: 'beta_2' must be in [0, 1], got -0.1", error(Map.of("beta_2", -0.1)));
        assertEquals("optimizer Lion: 'beta1' is not a setting of Lion (known: name, learning_rate, beta_1, beta_2), "
                + "got 0.9", error(Map.of("beta1", 0.9)));
    }

    @Test
    void providerNamesAndCreatesFreshOptimizers() {
        LionProvider provider = new LionProvider();
        assertEquals("Lion", provider.name());
        assertEquals(List.of("lion"), provider.aliases());
        Config config = Config.empty("optimizer Lion");
        assertEquals(false, provider.create(config) == provider.create(config), "optimizers have state: one each");
    }

    private static Optimizer create(Map<String, ?> config) {
        return new LionProvider().create(Config.of("optimizer Lion", config));
    }

    private static String error(Map<String, ?> config) {
        return assertThrows(NnException.class, () -> create(config)).getMessage();
    }

    private static Variable variable(String path, boolean trainable, float... values) {
        Variable v = new Variable(path, Shape.of(values.length), trainable);
        v.assign(values);
        return v;
    }

    private static void step(Optimizer optimizer, Variable v, float... gradient) {
        System.arraycopy(gradient, 0, v.gradient().data, 0, gradient.length);
        optimizer.apply(List.of(v));
    }
}
