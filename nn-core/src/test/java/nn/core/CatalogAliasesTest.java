package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nn.api.Activation;
import nn.api.ActivationProvider;
import nn.api.Config;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

/** Aliases are listed with the name they find, in the catalog and in every "known ..." list. */
class CatalogAliasesTest {

    private record Aliased(String name, List<String> aliases) implements ActivationProvider {
        @Override
        public Activation create(Config config) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnesWithTheirAliases() {
        PluginRegistry registry = PluginRegistry.of(new Aliased("swish", List.of("silu")), new Aliased("tanh", List.of()));
        NnException e = assertThrows(NnException.class, () -> registry.activation("silux", "layer dense"));
        assertEquals("layer dense: unknown activation 'silux'; known activations: swish (silu), tanh", e.getMessage());
    }

    @Test
    void anAliasAnotherProviderClaimedFirstIsNotListedForTheSecond() {
        Aliased first = new Aliased("swish", List.of("silu"));
        Aliased second = new Aliased("silu_exact", List.of("silu", "silu2"));
        Catalog<Aliased> catalog = new Catalog<>("activation", List.of(first, second));
        assertEquals(List.of("silu"), catalog.aliases(catalog.entries().get(0)));
        assertEquals(List.of("silu2"), catalog.aliases(catalog.entries().get(1)));
        assertEquals("silu_exact (silu2), swish (silu)", catalog.known());
    }
}
