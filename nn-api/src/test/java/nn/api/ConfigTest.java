package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConfigTest {

    private static Config dense(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Config.of("layer Dense", values);
    }

    private static void assertFails(String expectedMessage, Executable call) {
        NnException e = assertThrows(NnException.class, call);
        assertEquals(expectedMessage, e.getMessage());
    }

    // ---- ints

    @Test
    void intAcceptsEveryWholeJsonNumber() {
        assertEquals(10, dense("units", 10).requireInt("units"));
        assertEquals(10, dense("units", 10L).requireInt("units"));
        assertEquals(3, dense("units", 3.0).requireInt("units"));
        assertEquals(3, dense("units", 3.0f).requireInt("units"));
        assertEquals(-4, dense("units", -4).getInt("units", 1));
        assertEquals(Integer.MAX_VALUE, dense("units", (long) Integer.MAX_VALUE).requireInt("units"));
    }

    @Test
    void intRejectsFractions() {
        assertFails("layer Dense: 'units' must be an integer, got 3.5", () -> dense("units", 3.5).requireInt("units"));
        assertFails("layer Dense: 'units' must be an integer, got 3.5", () -> dense("units", 3.5).getInt("units", 1));
    }

    @Test
    void intRejectsStringsQuotingThem() {
        assertFails("layer Dense: 'units' must be an integer, got \"ten\"",
                () -> dense("units", "ten").requireInt("units"));
    }

    @Test
    void intRejectsBooleansAndLists() {
        assertFails("layer Dense: 'units' must be an integer, got true", () -> dense("units", true).getInt("units", 1));
        assertFails("layer Dense: 'units' must be an integer, got [1, 2]",
                () -> dense("units", List.of(1, 2)).getInt("units", 1));
    }

    @Test
    void intRejectsValuesBeyondIntRange() {
        assertFails("layer Dense: 'units' must be an integer, got 3000000000",
                () -> dense("units", 3_000_000_000L).requireInt("units"));
        assertFails("layer Dense: 'units' must be an integer, got 1.0E10",
                () -> dense("units", 1e10).requireInt("units"));
    }

    @Test
    void intRejectsNaNAndInfinity() {
        assertFails("layer Dense: 'units' must be an integer, got NaN", () -> dense("units", Double.NaN).requireInt("units"));
        assertFails("layer Dense: 'units' must be an integer, got Infinity",
                () -> dense("units", Double.POSITIVE_INFINITY).requireInt("units"));
    }

    @Test
    void intDefaultWhenAbsentOrNull() {
        assertEquals(32, dense().getInt("batch_size", 32));
        assertEquals(32, dense("batch_size", null).getInt("batch_size", 32));
    }

    @Test
    void requiredIntMissingOrNull() {
        assertFails("layer Dense: 'units' is required", () -> dense().requireInt("units"));
        assertFails("layer Dense: 'units' is required", () -> dense("units", null).requireInt("units"));
    }

    @Test
    void requirePositiveInt() {
        assertEquals(300, dense("units", 300).requirePositiveInt("units"));
        assertEquals(300, dense("units", 300.0).requirePositiveInt("units"));
        assertFails("layer Dense: 'units' must be a positive integer, got 0", () -> dense("units", 0).requirePositiveInt("units"));
        assertFails("layer Dense: 'units' must be a positive integer, got -3",
                () -> dense("units", -3).requirePositiveInt("units"));
        assertFails("layer Dense: 'units' is required", () -> dense().requirePositiveInt("units"));
        assertFails("layer Dense: 'units' must be an integer, got \"ten\"",
                () -> dense("units", "ten").requirePositiveInt("units"));
    }

    // ---- longs

    @Test
    void longAcceptsWholeNumbers() {
        assertEquals(42L, dense("seed", 42).getLong("seed", 0));
        assertEquals(Long.MAX_VALUE, dense("seed", Long.MAX_VALUE).getLong("seed", 0));
        assertEquals(3_000_000_000L, dense("seed", 3_000_000_000L).getLong("seed", 0));
        assertEquals(3L, dense("seed", 3.0).getLong("seed", 0));
        assertEquals(7L, dense().getLong("seed", 7));
        assertEquals(7L, dense("seed", null).getLong("seed", 7));
    }

    @Test
    void longRejectsFractionsAndStrings() {
        assertFails("layer Dense: 'seed' must be an integer, got 3.5", () -> dense("seed", 3.5).getLong("seed", 0));
        assertFails("layer Dense: 'seed' must be an integer, got \"42\"", () -> dense("seed", "42").getLong("seed", 0));
    }

    // ---- doubles and floats

    @Test
    void doubleAcceptsAnyNumber() {
        assertEquals(0.01, dense("lr", 0.01).getDouble("lr", 1));
        assertEquals(3.0, dense("lr", 3).getDouble("lr", 1));
        assertEquals(3.0, dense("lr", 3L).getDouble("lr", 1));
        assertEquals(0.5, dense("lr", 0.5f).getDouble("lr", 1));
        assertEquals(1e-3, dense().getDouble("lr", 1e-3));
        assertEquals(1e-3, dense("lr", null).getDouble("lr", 1e-3));
    }

    @Test
    void doubleRejectsNonNumbers() {
        assertFails("layer Dense: 'lr' must be a number, got \"fast\"", () -> dense("lr", "fast").getDouble("lr", 1));
        assertFails("layer Dense: 'lr' must be a number, got false", () -> dense("lr", false).getDouble("lr", 1));
    }

    @Test
    void floatIsTheNarrowedDouble() {
        assertEquals(0.99f, dense("momentum", 0.99).getFloat("momentum", 0f));
        assertEquals(1e-3f, dense().getFloat("epsilon", 1e-3f));
        assertFails("layer Dense: 'momentum' must be a number, got \"high\"",
                () -> dense("momentum", "high").getFloat("momentum", 0f));
    }

    // ---- booleans

    @Test
    void booleans() {
        assertTrue(dense("use_bias", true).getBoolean("use_bias", false));
        assertFalse(dense("use_bias", false).getBoolean("use_bias", true));
        assertTrue(dense().getBoolean("use_bias", true));
        assertFalse(dense("use_bias", null).getBoolean("use_bias", false));
    }

    @Test
    void booleansAreNotStringsOrNumbers() {
        assertFails("layer Dense: 'use_bias' must be true or false, got \"true\"",
                () -> dense("use_bias", "true").getBoolean("use_bias", false));
        assertFails("layer Dense: 'use_bias' must be true or false, got 1",
                () -> dense("use_bias", 1).getBoolean("use_bias", false));
    }

    // ---- strings

    @Test
    void strings() {
        assertEquals("dense_1", dense("name", "dense_1").getString("name", null));
        assertEquals("", dense("name", "").getString("name", "x"));
        assertNull(dense().getString("name", null));
        assertEquals("d", dense("name", null).getString("name", "d"));
        assertEquals("relu", dense("activation", "relu").requireString("activation"));
    }

    @Test
    void stringErrors() {
        assertFails("layer Dense: 'name' must be a string, got 5", () -> dense("name", 5).getString("name", null));
        assertFails("layer Dense: 'activation' must be a string, got 5",
                () -> dense("activation", 5).requireString("activation"));
        assertFails("layer Dense: 'activation' is required", () -> dense().requireString("activation"));
    }

    // ---- presence

    @Test
    void nullMeansAbsent() {
        Config c = dense("a", 1, "b", null);
        assertTrue(c.has("a"));
        assertFalse(c.has("b"));
        assertFalse(c.has("c"));
        assertEquals(Optional.of(1), c.get("a"));
        assertEquals(Optional.empty(), c.get("b"));
        assertEquals(Optional.empty(), c.get("c"));
    }

    @Test
    void ofNullMapIsEmpty() {
        Config c = Config.of("optimizer SGD", null);
        assertTrue(c.asMap().isEmpty());
        assertEquals("optimizer SGD", c.owner());
        assertTrue(Config.empty("loss mse").asMap().isEmpty());
        assertEquals("loss mse", Config.empty("loss mse").owner());
    }

    @Test
    void valuesAreACopyAndReadOnly() {
        Map<String, Object> values = new HashMap<>();
        values.put("units", 10);
        Config c = Config.of("layer Dense", values);
        values.put("units", 20);
        assertEquals(10, c.requireInt("units"));
        assertThrows(UnsupportedOperationException.class, () -> c.asMap().put("units", 30));
    }

    @Test
    void toStringNamesOwnerAndValues() {
        assertEquals("layer Dense {units=10}", dense("units", 10).toString());
    }

    // ---- shapes

    @Test
    void shapeFromAList() {
        assertEquals(Optional.of(Shape.of(28, 28)), dense("input_shape", List.of(28, 28)).getShape("input_shape"));
        assertEquals(Optional.of(Shape.of(28, 28)), dense("input_shape", List.of(28.0, 28L)).getShape("input_shape"));
        assertEquals(Optional.of(Shape.of(784)), dense("input_shape", List.of(784)).getShape("input_shape"));
        assertEquals(Optional.empty(), dense().getShape("input_shape"));
        assertEquals(Optional.empty(), dense("input_shape", null).getShape("input_shape"));
    }

    @Test
    void shapeErrors() {
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got [28, 0]",
                () -> dense("input_shape", List.of(28, 0)).getShape("input_shape"));
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got [28, -1]",
                () -> dense("input_shape", List.of(28, -1)).getShape("input_shape"));
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got [28.5]",
                () -> dense("input_shape", List.of(28.5)).getShape("input_shape"));
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got [28, x]",
                () -> dense("input_shape", List.of(28, "x")).getShape("input_shape"));
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got [28, null]",
                () -> dense("input_shape", Arrays.asList(28, null)).getShape("input_shape"));
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got \"28x28\"",
                () -> dense("input_shape", "28x28").getShape("input_shape"));
        assertFails("layer Dense: 'input_shape' must be a list of positive integers, got 784",
                () -> dense("input_shape", 784).getShape("input_shape"));
    }

    // ---- invalid

    @Test
    void invalidFormsTheCommonMessage() {
        Config sgd = Config.empty("optimizer SGD");
        assertEquals("optimizer SGD: 'momentum' must be in [0, 1], got 2.0",
                sgd.invalid("momentum", 2.0, "must be in [0, 1]").getMessage());
        assertEquals("optimizer SGD: 'name' must not be empty, got \"\"",
                sgd.invalid("name", "", "must not be empty").getMessage());
        assertEquals("optimizer SGD: 'x' must be set, got null", sgd.invalid("x", null, "must be set").getMessage());
    }

    // ---- with and resolvers

    @Test
    void defaultResolverIsTheServiceLoaderOne() {
        assertSame(ServiceLoaderResolver.INSTANCE, dense().resolver());
        assertSame(ServiceLoaderResolver.INSTANCE, Config.empty("x").resolver());
    }

    @Test
    void withAddsOrReplacesAKeyInACopy() {
        Config original = dense("units", 10);
        Config more = original.with("use_bias", false);
        Config replaced = original.with("units", 20);
        assertFalse(more.getBoolean("use_bias", true));
        assertEquals(10, more.requireInt("units"));
        assertEquals(20, replaced.requireInt("units"));
        assertEquals(10, original.requireInt("units"));
        assertFalse(original.has("use_bias"));
        assertEquals("layer Dense", more.owner());
    }

    @Test
    void withKeepsTheResolver() {
        Resolver resolver = mock(Resolver.class);
        Config c = dense("units", 10).withResolver(resolver).with("activation", "relu");
        assertSame(resolver, c.resolver());
        assertEquals("relu", c.getString("activation", null));
    }

    @Test
    void withResolverKeepsValuesAndOwner() {
        Resolver resolver = mock(Resolver.class);
        Config original = dense("units", 10);
        Config c = original.withResolver(resolver);
        assertSame(resolver, c.resolver());
        assertSame(ServiceLoaderResolver.INSTANCE, original.resolver());
        assertEquals(original.asMap(), c.asMap());
        assertEquals("layer Dense", c.owner());
    }

    @Test
    void getActivationAsksTheResolverWithTheOwner() {
        Resolver resolver = mock(Resolver.class);
        Activation relu = mock(Activation.class);
        Activation linear = mock(Activation.class);
        when(resolver.activation("relu", "layer Dense")).thenReturn(relu);
        when(resolver.activation("linear", "layer Dense")).thenReturn(linear);

        assertSame(relu, dense("activation", "relu").withResolver(resolver).getActivation("activation", "linear"));
        assertSame(linear, dense().withResolver(resolver).getActivation("activation", "linear"));
        assertSame(linear, dense("activation", null).withResolver(resolver).getActivation("activation", "linear"));
    }

    @Test
    void getActivationPassesKerasObjectsThrough() {
        Resolver resolver = mock(Resolver.class);
        Map<String, Object> spec = Map.of("class_name", "relu", "config", Map.of());
        dense("activation", spec).withResolver(resolver).getActivation("activation", "linear");
        verify(resolver).activation(spec, "layer Dense");
    }

    @Test
    void integersAtTheEdgesOfTheirRanges() {
        Config config = Config.of("layer X", Map.of("min", (long) Integer.MIN_VALUE, "big", 4294967324L,
                "inf", Double.POSITIVE_INFINITY, "huge", 1e300, "shape", List.of(4294967324L), "shape2", List.of(1e10)));
        assertEquals(Integer.MIN_VALUE, config.requireInt("min"));
        assertEquals("layer X: 'big' must be an integer, got 4294967324",
                assertThrows(NnException.class, () -> config.requireInt("big")).getMessage());
        assertEquals(4294967324L, config.getLong("big", 0));
        assertThrows(NnException.class, () -> config.getLong("inf", 0));
        assertThrows(NnException.class, () -> config.getLong("huge", 0));
        assertThrows(NnException.class, () -> config.getShape("shape"));
        assertThrows(NnException.class, () -> config.getShape("shape2"));
    }
}
