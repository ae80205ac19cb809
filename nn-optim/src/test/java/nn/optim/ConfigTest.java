package nn.optim;

import static nn.optim.TestVariables.step;
import static nn.optim.TestVariables.trainable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import nn.api.BaseOptimizer;
import nn.api.Config;
import nn.api.NnException;
import nn.api.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigTest {

    @Test
    void configHasKerasKeysInKerasOrder() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "SGD");
        expected.put("learning_rate", 0.01);
        expected.put("decay", 1e-6);
        expected.put("momentum", 0.9);
        expected.put("nesterov", true);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(new SGD(0.01f, 0.9f, true, 1e-6f).config().entrySet()));

        assertEquals(List.of("name", "learning_rate", "decay", "beta_1", "beta_2", "epsilon", "amsgrad"),
                List.copyOf(new Adam().config().keySet()));
        assertEquals(List.of("name", "learning_rate", "decay", "rho", "momentum", "epsilon", "centered"),
                List.copyOf(new RMSprop().config().keySet()));
        assertEquals(List.of("name", "learning_rate", "decay", "initial_accumulator_value", "epsilon"),
                List.copyOf(new Adagrad().config().keySet()));
    }

    @Test
    void emptyConfigGivesKerasDefaults() {
        assertEquals(Map.of("name", "SGD", "learning_rate", 0.01, "decay", 0.0, "momentum", 0.0, "nesterov", false),
                new SGD(Config.empty("optimizer SGD")).config());
        assertEquals(Map.of("name", "Adam", "learning_rate", 0.001, "decay", 0.0, "beta_1", 0.9, "beta_2", 0.999,
                "epsilon", 1e-7, "amsgrad", false), new Adam(Config.empty("optimizer Adam")).config());
        assertEquals(Map.of("name", "RMSprop", "learning_rate", 0.001, "decay", 0.0, "rho", 0.9, "momentum", 0.0,
                "epsilon", 1e-7, "centered", false), new RMSprop(Config.empty("optimizer RMSprop")).config());
        assertEquals(Map.of("name", "Adagrad", "learning_rate", 0.001, "decay", 0.0,
                "initial_accumulator_value", 0.1, "epsilon", 1e-7), new Adagrad(Config.empty("optimizer Adagrad")).config());
    }

    static Stream<Arguments> tunedOptimizers() {
        return Stream.of(
                Arguments.of(new SGD(0.05f, 0.8f, true, 1e-3f), (Function<Config, BaseOptimizer>) SGD::new),
                Arguments.of(new Adam(0.02f, 0.8f, 0.99f, 1e-4f, true, 1e-2f), (Function<Config, BaseOptimizer>) Adam::new),
                Arguments.of(new RMSprop(0.02f, 0.8f, 0.3f, 1e-3f, true, 1e-2f), (Function<Config, BaseOptimizer>) RMSprop::new),
                Arguments.of(new Adagrad(0.2f, 0.3f, 1e-3f, 1e-2f), (Function<Config, BaseOptimizer>) Adagrad::new),
                Arguments.of(new AdamW(0.02f, 0.1f), (Function<Config, BaseOptimizer>) AdamW::new));
    }

    @ParameterizedTest
    @MethodSource("tunedOptimizers")
    void anOptimizerMadeFromConfigBehavesTheSame(BaseOptimizer original, Function<Config, BaseOptimizer> fromConfig) {
        BaseOptimizer copy = fromConfig.apply(Config.of("optimizer " + original.type(), original.config()));
        assertEquals(original.config(), copy.config());

        Variable a = trainable("w", 1f, -2f);
        Variable b = trainable("w", 1f, -2f);
        for (int t = 0; t < 5; t++) {
            step(original, a, 0.3f * t - 0.5f, 0.7f);
            step(copy, b, 0.3f * t - 0.5f, 0.7f);
        }
        assertArrayEquals(a.value().data, b.value().data);
    }

    @Test
    void kerasOldSpellingLrIsAccepted() {
        SGD sgd = new SGD(Config.of("optimizer SGD", Map.of("lr", 0.5, "is_legacy_optimizer", true)));
        assertEquals(0.5, sgd.config().get("learning_rate"));
    }

    @Test
    void theConfigKeras211WritesIsAcceptedWhileItsExtraKeysAreInert() {
        Map<String, Object> keras = new LinkedHashMap<>();
        keras.put("name", "SGD");
        keras.put("weight_decay", null);
        keras.put("clipnorm", null);
        keras.put("global_clipnorm", null);
        keras.put("clipvalue", null);
        keras.put("use_ema", false);
        keras.put("ema_momentum", 0.99);
        keras.put("ema_overwrite_frequency", null);
        keras.put("jit_compile", true);
        keras.put("is_legacy_optimizer", false);
        keras.put("learning_rate", 0.01);
        keras.put("momentum", 0.9);
        keras.put("nesterov", true);
        SGD sgd = new SGD(Config.of("optimizer SGD", keras));
        assertEquals(0.9, (double) sgd.config().get("momentum"), 1e-7);
        keras.put("clipnorm", 1.0);
        NnException e = assertThrows(NnException.class, () -> new SGD(Config.of("optimizer SGD", keras)));
        assertEquals("optimizer SGD: 'clipnorm' is not implemented by nn; only null is accepted, got 1.0", e.getMessage());
    }

    @Test
    void aCustomNameIsKept() {
        assertEquals("tutorial_sgd", new SGD(Config.of("optimizer SGD", Map.of("name", "tutorial_sgd"))).config().get("name"));
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("SGD", "learning_rate", -0.1, "must be > 0, got -0.1"),
                Arguments.of("SGD", "learning_rate", 0, "must be > 0, got 0"),
                Arguments.of("SGD", "learning_rate", Double.NaN, "must be > 0, got NaN"),
                Arguments.of("SGD", "lr", -1, "must be > 0, got -1"),
                Arguments.of("SGD", "momentum", 1.0, "must be in [0, 1), got 1.0"),
                Arguments.of("SGD", "momentum", -0.5, "must be in [0, 1), got -0.5"),
                Arguments.of("SGD", "momentum", "fast", "must be a number, got \"fast\""),
                Arguments.of("SGD", "nesterov", "yes", "must be true or false, got \"yes\""),
                Arguments.of("SGD", "decay", -1e-6, "must be >= 0, got -1.0E-6"),
                Arguments.of("SGD", "weight_decay", -0.1, "must be >= 0, got -0.1"),
                Arguments.of("Adam", "beta_1", 1.5, "must be in [0, 1), got 1.5"),
                Arguments.of("Adam", "beta_2", 1, "must be in [0, 1), got 1"),
                Arguments.of("Adam", "epsilon", -1e-7, "must be >= 0, got -1.0E-7"),
                Arguments.of("Adam", "amsgrad", 1, "must be true or false, got 1"),
                Arguments.of("RMSprop", "rho", 1.0, "must be in [0, 1), got 1.0"),
                Arguments.of("RMSprop", "learning_rate", 1e300, "must be a finite float32 number, got 1.0E300"),
                Arguments.of("Adagrad", "initial_accumulator_value", -0.1, "must be >= 0, got -0.1"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void badValuesAreRejectedNamingOptimizerKeyAndValue(String type, String key, Object value, String rule) {
        Config config = Config.of("optimizer " + type, Map.of(key, value));
        NnException error = assertThrows(NnException.class, () -> provider(type).create(config));
        assertEquals("optimizer " + type + ": '" + key + "' " + rule, error.getMessage());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        NnException error = assertThrows(NnException.class,
                () -> new SGD(Config.of("optimizer SGD", Map.of("momentun", 0.9))));
        assertEquals("optimizer SGD: unknown key 'momentun'; known keys: name, learning_rate, decay, weight_decay,"
                + " momentum, nesterov", error.getMessage());
    }

    @Test
    void weightDecayIsWrittenOnlyWhenSetExceptForAdamW() {
        assertEquals(0.01, new SGD(Config.of("optimizer SGD", Map.of("weight_decay", 0.01))).config().get("weight_decay"));
        assertEquals(0.004, new AdamW().config().get("weight_decay"));
        assertEquals(0.0, new AdamW(0.001f, 0f).config().get("weight_decay"));
        assertEquals(List.of("name", "learning_rate", "decay", "weight_decay", "beta_1", "beta_2", "epsilon", "amsgrad"),
                List.copyOf(new AdamW().config().keySet()));
    }

    @Test
    void javaConstructorsAreCheckedToo() {
        NnException error = assertThrows(NnException.class, () -> new SGD(-0.01f));
        assertTrue(error.getMessage().startsWith("optimizer SGD: 'learning_rate' must be > 0"), error.getMessage());
    }

    private static KerasOptimizerProvider provider(String type) {
        return switch (type) {
            case "SGD" -> new SGDProvider();
            case "Adam" -> new AdamProvider();
            case "RMSprop" -> new RMSpropProvider();
            default -> new AdagradProvider();
        };
    }
}
