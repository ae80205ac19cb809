package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceLoaderResolverTest {

    /** nn.api itself provides no activation, so the list may be empty; the form is fixed. */
    private static void assertUnknown(String owner, String name, NnException e) {
        String prefix = owner + ": unknown activation '" + name + "'; known activations: ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        String known = e.getMessage().substring(prefix.length());
        assertTrue(known.isEmpty() || known.matches("[^,]+(, [^,]+)*"), known);
    }

    @Test
    void unknownNameNamesTheOwner() {
        NnException e = assertThrows(NnException.class,
                () -> ServiceLoaderResolver.INSTANCE.activation("no_such_activation", "layer dense"));
        assertUnknown("layer dense", "no_such_activation", e);
    }

    @Test
    void unknownKerasObjectNamesTheOwner() {
        NnException e = assertThrows(NnException.class, () -> ServiceLoaderResolver.INSTANCE.activation(
                Map.of("class_name", "no_such_activation", "config", Map.of()), "layer dense_1"));
        assertUnknown("layer dense_1", "no_such_activation", e);
    }

    @Test
    void specThatIsNeitherNameNorObject() {
        NnException e = assertThrows(NnException.class, () -> ServiceLoaderResolver.INSTANCE.activation(5, "layer dense"));
        assertEquals("layer dense: an activation must be a name or {\"class_name\": ..., \"config\": {...}}, got 5",
                e.getMessage());
    }

    @Test
    void configUsesItByDefault() {
        Config c = Config.of("layer Dense", Map.of("activation", "no_such_activation"));
        NnException e = assertThrows(NnException.class, () -> c.getActivation("activation", "linear"));
        assertUnknown("layer Dense", "no_such_activation", e);
    }
}
