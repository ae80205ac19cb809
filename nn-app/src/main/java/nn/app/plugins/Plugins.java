package nn.app.plugins;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import nn.api.NnException;
import nn.core.PluginRegistry;

/**
 * The loaded plugins: the module layer that holds them and the jar each plugin module comes from
 * (a registry entry's origin is its module name, so {@code jarOf(entry.origin())} says where a
 * provider was found).
 */
public record Plugins(ModuleLayer layer, Map<String, Path> jarByModule, Optional<ClassPathPlugins> classPath) implements AutoCloseable {

    public Plugins {
        jarByModule = Map.copyOf(jarByModule);
    }

    /** Plugins in a module layer (nn on the module path). */
    public Plugins(ModuleLayer layer, Map<String, Path> jarByModule) {
        this(layer, jarByModule, Optional.empty());
    }

    /** No plugin jars: the built-ins of the boot layer only. */
    public static Plugins none() {
        return new Plugins(ModuleLayer.boot(), Map.of());
    }

    /** The jar that holds {@code module}, empty for a built-in module. */
    public Optional<Path> jarOf(String module) {
        return Optional.ofNullable(jarByModule.get(module));
    }

    /**
     * A registry of every provider of the built-ins and the plugins, each created now (so call it
     * once); a provider that cannot be loaded or created is an error naming it and its jar.
     */
    public PluginRegistry registry() {
        try {
            if (classPath.isPresent()) {
                return PluginRegistry.discover(classPath.get().loader(), classPath.get().declared());
            }
            // on the class path (spark-submit, a Spark executor) the boot layer holds none of nn: providers come from META-INF/services
            return Plugins.class.getModule().isNamed() ? PluginRegistry.discover(layer) : PluginRegistry.discover();
        } catch (ServiceConfigurationError e) {
            throw new NnException(PluginErrors.blame(PluginErrors.withRootCause(e), jarByProvider(), "plugin provider"), e);
        } catch (NnException e) {
            throw new NnException(PluginErrors.blame(e.getMessage(), jarByProvider(), "plugin provider"), e);
        }
    }

    /**
     * Closes the jars of plugins loaded on the class path (e.g. a run's on an executor); a module
     * layer's loader cannot be closed and goes with the layer.
     */
    @Override
    public void close() {
        classPath.ifPresent(ClassPathPlugins::close);
    }

    private Map<String, Path> jarByProvider() {
        Map<String, Path> jars = new HashMap<>();
        for (Module module : layer.modules()) {
            for (ModuleDescriptor.Provides provides : module.getDescriptor().provides()) {
                provides.providers().forEach(provider -> jars.put(provider, jarByModule.get(module.getName())));
            }
        }
        return jars;
    }
}
