package nn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ModuleReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * On the class path (spark-submit, Spark's executors) a module's {@code provides} clauses count for
 * nothing: every nn module must list the same providers in {@code META-INF/services}.
 */
class ServiceFilesTest {

    @Test
    void everyNnModuleListsItsProvidersForTheClassPath() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            for (ModuleReference module : modules(Path.of(entry))) {
                ModuleDescriptor descriptor = module.descriptor();
                if (descriptor.isAutomatic() || !descriptor.name().startsWith("nn.")) {
                    continue;
                }
                try (ModuleReader reader = module.open()) {
                    for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                        Optional<String> file = reader.read("META-INF/services/" + provides.service())
                                .map(buffer -> StandardCharsets.UTF_8.decode(buffer).toString());
                        assertTrue(file.isPresent(), descriptor.name() + " provides " + provides.service() + " but has no "
                                + "META-INF/services file for it");
                        Set<String> listed = new TreeSet<>(file.get().lines().map(String::trim)
                                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
                        assertEquals(new TreeSet<>(provides.providers()), listed, descriptor.name() + ": " + provides.service());
                    }
                }
                checked.add(descriptor.name());
            }
        }
        assertTrue(checked.containsAll(List.of("nn.api", "nn.core", "nn.layers.bn", "nn.layers.conv", "nn.optim",
                "nn.data.fashionmnist", "nn.io", "nn.kernels.vector", "nn.app")), checked.toString());
    }

    /** The module an entry holds, or none: most of Spark's jars cannot even be automatic modules. */
    private static Set<ModuleReference> modules(Path entry) {
        try {
            return ModuleFinder.of(entry).findAll();
        } catch (FindException e) {
            return Set.of();
        }
    }
}
