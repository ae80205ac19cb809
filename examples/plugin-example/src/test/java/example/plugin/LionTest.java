package example.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nn.api.Config;
import nn.api.NnException;
import nn.api.Optimizer;
import nn.testkit.OptimizerTestKit;
import org.junit.jupiter.api.Test;

class LionTest {

    /**
     * learning_rate 0.1, beta_1 0.9, beta_2 0.99; w = [1, -2, 0.5].
     * Step 1, g = [0.5, -1, 0]: c = 0.1 g = [0.05, -0.1, 0], w = [0.9, -1.9, 0.5], m = 0.01 g = [0.005, -0.01, 0].
     * Step 2, g = [-0.2, -1, 0.3]: c = 0.9 m + 0.1 g = [-0.0155, -0.109, 0.03], w = [1.0, -1.8, 0.4].
     */
    @Test
    void passesTheOptimizerTestKit() {
        OptimizerTestKit.of(new LionProvider()).config(Map.of("learning_rate", 0.1))
                .expectSlots("momentum")
                .weights(1f, -2f, 0.5f)
                .step(new float[] {0.5f, -1f, 0f}, new float[] {0.9f, -1.9f, 0.5f})
                .step(new float[] {-0.2f, -1f, 0.3f}, new float[] {1.0f, -1.8f, 0.4f})
                .run();
    }

    @Test
    void kerasDefaults() {
        assertEquals(Map.of("name", "Lion", "learning_rate", 0.001, "decay", 0.0, "beta_1", 0.9, "beta_2", 0.99),
                create(Map.of()).config());
        assertEquals(3.0E-4, create(Map.of("learning_rate", 0.0003)).config().get("learning_rate"));
    }

    @Test
    void badConfigValuesNameTheKeyAndTheRule() {
        assertEquals("optimizer Lion: 'learning_rate' must be > 0, got 0", error(Map.of("learning_rate", 0)));
        assertEquals("optimizer Lion: 'learning_rate' must be a number, got \"fast\"",
                error(Map.of("learning_rate", "fast")));
        assertEquals("optimizer Lion: 'beta_1' must be in (0, 1], got 1.5", error(Map.of("beta_1", 1.5)));
        assertEquals("optimizer Lion: 'beta_2' must be in [0, 1], got -0.1", error(Map.of("beta_2", -0.1)));
        assertEquals("optimizer Lion: unknown key 'beta1'; known keys: name, learning_rate, decay, weight_decay, "
                + "beta_1, beta_2", error(Map.of("beta1", 0.9)));
    }

    @Test
    void providerNamesAndCreatesFreshOptimizers() {
        LionProvider provider = new LionProvider();
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
}
