package example.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import nn.api.ActivationProvider;
import nn.api.Config;
import nn.api.LayerProvider;
import nn.api.NamedProvider;
import nn.api.OptimizerProvider;
import org.junit.jupiter.api.Test;

/** nn finds the plugin's parts as it will at run time: with ServiceLoader, by name. */
class DiscoveryTest {

    @Test
    void serviceLoaderFindsEachPart() {
        // The tests run inside the named module example.plugin, which provides these services but
        // does not declare "uses" them; a named module must do that before it may load a service.
        Module module = getClass().getModule();
        module.addUses(LayerProvider.class);
        module.addUses(ActivationProvider.class);
        module.addUses(OptimizerProvider.class);

        LayerProvider layers = find(LayerProvider.class, "GatedLinearUnit");
        assertInstanceOf(GatedLinearUnit.class, layers.create(Config.of("layer GatedLinearUnit", Map.of("units", 2))));
        assertInstanceOf(Mish.class, find(ActivationProvider.class, "mish").create(Config.empty("activation mish")));
        assertInstanceOf(Lion.class, find(OptimizerProvider.class, "Lion").create(Config.empty("optimizer Lion")));
    }

    /** The META-INF/services files (for the class path) list what module-info provides (for the module path). */
    @Test
    void servicesFilesMatchModuleInfo() throws IOException {
        ModuleDescriptor descriptor = getClass().getModule().getDescriptor();
        assertEquals(3, descriptor.provides().size());
        for (ModuleDescriptor.Provides provides : descriptor.provides()) {
            String file = "META-INF/services/" + provides.service();
            try (InputStream in = getClass().getModule().getResourceAsStream(file)) {
                assertEquals(provides.providers(), new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList(), file);
            }
        }
    }

    private static <P extends NamedProvider<?>> P find(Class<P> service, String name) {
        List<P> found = ServiceLoader.load(service).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).toList();
        assertEquals(1, found.size(), () -> "one " + service.getSimpleName() + " named " + name);
        return found.get(0);
    }
}
