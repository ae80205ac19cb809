package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import nn.api.Activation;
import nn.api.ActivationProvider;
import nn.api.Config;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

/** A provider without a usable name or aliases is refused at discovery, naming its class and module. */
class CatalogNamesTest {

    /** A provider whose name() returns {@code name}, or throws when it is "throw". */
    private record Named(String name, List<String> aliases) implements ActivationProvider {
        @Override
        public String name() {
            if ("throw".equals(name)) {
                throw new IllegalStateException("no name today");
            }
            return name;
        }

        @Override
        public Activation create(Config config) {
            throw new UnsupportedOperationException();
        }
    }

    private static String refused(Named provider) {
        return assertThrows(NnException.class, () -> PluginRegistry.of(provider)).getMessage();
    }

    @Test
    void aNullOrBlankName() {
        assertEquals("activation provider nn.core.CatalogNamesTest$Named of module nn.core: name() returned null, not a name",
                refused(new Named(null, List.of())));
        assertEquals("activation provider nn.core.CatalogNamesTest$Named of module nn.core: name() returned ' ', not a name",
                refused(new Named(" ", List.of())));
    }

    @Test
    void aNameThatThrows() {
        assertEquals("activation provider nn.core.CatalogNamesTest$Named of module nn.core: name() failed: no name today",
                refused(new Named("throw", List.of())));
    }

    @Test
    void nullAliases() {
        assertEquals("activation provider nn.core.CatalogNamesTest$Named of module nn.core: aliases() returned null, not a list of names",
                refused(new Named("ok", null)));
        assertEquals("activation provider nn.core.CatalogNamesTest$Named of module nn.core: aliases() returned [a, null], not a list of names",
                refused(new Named("ok", Arrays.asList("a", null))));
    }
}
