package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KerasObjectTest {

    private static final String FORM = " must be a name or {\"class_name\": ..., \"config\": {...}}, got ";

    /** The same file from every run: Keras's key order, not Map.of's, which changes from JVM to JVM. */
    @Test
    void anObjectHasClassNameThenConfig() {
        Map<String, Object> object = KerasObject.of("GlorotUniform", Map.of());
        assertEquals(java.util.List.of("class_name", "config"), java.util.List.copyOf(object.keySet()));
        assertEquals("GlorotUniform", KerasObject.className(object, "x"));
    }

    @Test
    void classNameOfABareName() {
        assertEquals("relu", KerasObject.className("relu", "layer dense: an activation"));
    }

    @Test
    void classNameOfAnObject() {
        assertEquals("GlorotUniform",
                KerasObject.className(Map.of("class_name", "GlorotUniform", "config", Map.of()), "x"));
        assertEquals("relu", KerasObject.className(Map.of("class_name", "relu"), "x"));
    }

    @Test
    void classNameErrorsNameWhatWasExpected() {
        String what = "layer dense: an activation";
        assertEquals(what + FORM + "null",
                assertThrows(NnException.class, () -> KerasObject.className(null, what)).getMessage());
        assertEquals(what + FORM + "5",
                assertThrows(NnException.class, () -> KerasObject.className(5, what)).getMessage());
        assertEquals(what + FORM + "{config={}}",
                assertThrows(NnException.class, () -> KerasObject.className(Map.of("config", Map.of()), what)).getMessage());
        assertEquals(what + FORM + "{class_name=7}",
                assertThrows(NnException.class, () -> KerasObject.className(Map.of("class_name", 7), what)).getMessage());
        assertEquals(what + FORM + "[relu]",
                assertThrows(NnException.class, () -> KerasObject.className(List.of("relu"), what)).getMessage());
    }

    @Test
    void configOfABareNameIsEmpty() {
        assertTrue(KerasObject.config("relu").isEmpty());
        assertTrue(KerasObject.config(null).isEmpty());
    }

    @Test
    void configOfAnObject() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("alpha", 0.3);
        inner.put("seed", null);
        Map<String, Object> config = KerasObject.config(Map.of("class_name", "LeakyReLU", "config", inner));
        assertEquals(inner, config);
    }

    @Test
    void configMissingOrNotAMapIsEmpty() {
        assertTrue(KerasObject.config(Map.of("class_name", "relu")).isEmpty());
        assertTrue(KerasObject.config(Map.of("class_name", "relu", "config", "x")).isEmpty());
    }
}
