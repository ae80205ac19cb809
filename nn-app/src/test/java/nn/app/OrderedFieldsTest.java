package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedFieldsTest {

    @Test
    void keepsTheOrderGiven() {
        Map<String, Object> fields = OrderedFields.of("epoch", 3, "run", "x", "best", 0.5);
        assertEquals(List.of("epoch", "run", "best"), List.copyOf(fields.keySet()));
        assertEquals(3, fields.get("epoch"));
    }

    @Test
    void oddArgumentsOrANonStringKeyAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderedFields.of("a", 1, "b"));
        assertTrue(e.getMessage().contains("pairs, got 3 arguments"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OrderedFields.of(1, "a"));
        assertTrue(e.getMessage().contains("argument 0 must be a key"), e.getMessage());
    }
}
