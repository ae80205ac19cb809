package nn.core.engine;

import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import nn.api.NnException;

/** Finds an engine provider by name among those a class loader sees. */
public final class Engines {

    private Engines() {
    }

    /**
     * The provider named {@code name} (e.g. {@code spark}) visible to {@code loader} or to nn.core;
     * the error lists the known names and says what to add.
     */
    public static EngineProvider provider(String name, ClassLoader loader) {
        List<EngineProvider> found = ServiceLoader.load(EngineProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NnException("no '" + name + "' engine found" + (found.isEmpty() ? ""
                        : "; known engines: " + String.join(", ", new TreeSet<>(found.stream().map(EngineProvider::name).toList())))
                        + ": the " + name + " engine needs its module (e.g. nn-spark and Spark's jars) on the class path"));
    }
}
