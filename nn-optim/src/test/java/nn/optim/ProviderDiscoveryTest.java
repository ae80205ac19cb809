package nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nn.api.Config;
import nn.api.Optimizer;
import nn.api.OptimizerProvider;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {
    private static final String SERVICES_FILE = "META-INF/services/" + OptimizerProvider.class.getName();

    @Test
    void serviceLoaderFindsAllFiveByNameAndAlias() {
        // The tests run inside module nn.optim, which provides the service but does not declare `uses`.
        getClass().getModule().addUses(OptimizerProvider.class);
        Map<String, OptimizerProvider> byName = new TreeMap<>();
        for (OptimizerProvider provider : ServiceLoader.load(OptimizerProvider.class)) {
            byName.put(provider.name(), provider);
            provider.aliases().forEach(alias -> byName.put(alias, provider));
        }
        assertEquals(Set.of("Adagrad", "Adam", "AdamW", "RMSprop", "SGD", "adagrad", "adam", "adamw", "rmsprop", "sgd"), byName.keySet());
        for (String name : Set.of("SGD", "Adam", "AdamW", "RMSprop", "Adagrad")) {
            Optimizer optimizer = byName.get(name.toLowerCase(Locale.ROOT)).create(Config.empty("optimizer " + name));
            assertEquals(name, optimizer.type());
        }
    }

    @Test
    void servicesFileListsTheProvidersTheModuleDeclares() throws IOException {
        Set<String> declared = getClass().getModule().getDescriptor().provides().stream()
                .filter(p -> p.service().equals(OptimizerProvider.class.getName()))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("nn.optim.SGDProvider", "nn.optim.AdamProvider", "nn.optim.AdamWProvider", "nn.optim.RMSpropProvider",
                "nn.optim.AdagradProvider"), declared);
        assertEquals(declared, servicesFileEntries());
    }

    private Set<String> servicesFileEntries() throws IOException {
        try (InputStream in = getClass().getModule().getResourceAsStream(SERVICES_FILE)) {
            assertNotNull(in, SERVICES_FILE);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
