package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SavedNamesTest {

    @Test
    void nnsOwnProvidersKeepTheirPlainNamesOthersAreQualified() {
        assertEquals("relu", SavedNames.of(Relu.class, "relu"));
        assertEquals("java.base/relu", SavedNames.of(String.class, "relu"));
        assertEquals("some.module/relu", SavedNames.of(String.class, "some.module/relu"), "already qualified");
    }

    @Test
    void builtInIsAnNnModuleOrOnTheClassPathAnNnPackage() {
        assertTrue(SavedNames.isBuiltIn(Relu.class));
        assertFalse(SavedNames.isBuiltIn(String.class));
        assertTrue(SavedNames.isBuiltIn("nn.layers.bn"));
        assertFalse(SavedNames.isBuiltIn("example.plugin"));
    }

    @Test
    void thePlainNameOfAQualifiedOne() {
        assertEquals("Lion", SavedNames.plain("example.plugin/Lion"));
        assertEquals("SGD", SavedNames.plain("SGD"));
    }
}
