package nn.app.plugins;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import nn.api.NnException;

/** One jar of the plugins folder and the module it holds: its own module-info, or an automatic module named after the jar. */
record PluginJar(Path path, ModuleReference reference) {

    static PluginJar read(Path jar) {
        requireZip(jar);
        try {
            Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
            if (found.size() != 1) {
                throw new NnException(jar + ": holds " + found.size() + " modules, expected one");
            }
            return new PluginJar(jar, found.iterator().next());
        } catch (FindException e) {
            throw new NnException(jar + ": not a usable module: " + PluginErrors.rootCause(e).getMessage(), e);
        }
    }

    private static void requireZip(Path jar) {
        try {
            new ZipFile(jar.toFile()).close();
        } catch (ZipException e) {
            throw new NnException(jar + ": not a jar file", e);
        } catch (IOException e) {
            throw new NnException(jar + ": cannot be read: " + e.getMessage(), e);
        }
    }

    ModuleDescriptor descriptor() {
        return reference.descriptor();
    }

    String moduleName() {
        return descriptor().name();
    }
}
