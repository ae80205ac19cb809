package nn.app.plugins;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nn.api.NnException;

/**
 * Loads every {@code *.jar} of a plugins folder into one child {@link ModuleLayer} of the boot
 * layer, with one class loader, and binds their services so that
 * {@code PluginRegistry.discover(layer)} finds them next to the built-ins. Modular jars become
 * named modules, plain jars automatic modules (their {@code META-INF/services} are their
 * {@code provides}). Each problem is reported against the jar that has it.
 *
 * <p>Typical use: {@code PluginFolder.resolve(option, System.getenv(), nnHome).map(PluginLayers::load)
 * .orElseGet(Plugins::none).registry()}.
 */
public final class PluginLayers {

    private PluginLayers() {
    }

    /** The plugins in {@code folder}, which must exist; an empty folder gives {@link Plugins#none()}. */
    public static Plugins load(Path folder) {
        List<PluginJar> jars = jarsIn(folder).stream().map(PluginJar::read).toList();
        if (jars.isEmpty()) {
            return Plugins.none();
        }
        if (!PluginLayers.class.getModule().isNamed()) {
            return new Plugins(ModuleLayer.boot(), Map.of(), Optional.of(ClassPathPlugins.load(jars)));
        }
        ModuleLayer boot = ModuleLayer.boot();
        Map<String, Path> jarByModule = PluginChecks.check(jars, boot);
        ModuleFinder finder = ModuleFinder.of(jars.stream().map(PluginJar::path).toArray(Path[]::new));
        try {
            Configuration config = boot.configuration()
                    .resolveAndBind(finder, ModuleFinder.ofSystem(), jarByModule.keySet());
            ModuleLayer layer = boot.defineModulesWithOneLoader(config, PluginLayers.class.getClassLoader());
            return new Plugins(layer, jarByModule);
        } catch (FindException | ResolutionException | LayerInstantiationException | SecurityException e) {
            throw new NnException(PluginErrors.blame(e.getMessage(), jarByModule, "plugins folder " + folder), e);
        }
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(PluginFolder.existing(folder, "plugins folder " + folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new NnException("plugins folder " + folder + ": cannot be listed: " + e.getMessage(), e);
        }
    }
}
