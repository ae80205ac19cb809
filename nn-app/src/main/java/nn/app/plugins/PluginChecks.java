package nn.app.plugins;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nn.api.NnException;

/**
 * What would make the plugin layer fail, checked jar by jar before resolving it, so that the error
 * names the jar and says what is wrong in plain words: a module that is already built in or in
 * another jar, a package that another module has too, a required module that is nowhere.
 */
final class PluginChecks {

    private PluginChecks() {
    }

    /** The jar of each plugin module, in the jars' order. */
    static Map<String, Path> check(Iterable<PluginJar> jars, ModuleLayer boot) {
        Map<String, Path> jarByModule = new LinkedHashMap<>();
        Map<String, String> ownerByPackage = new HashMap<>();
        boot.modules().forEach(m -> m.getPackages().forEach(p -> ownerByPackage.put(p, "built-in module " + m.getName())));
        for (PluginJar jar : jars) {
            String module = jar.moduleName();
            if (boot.findModule(module).isPresent()) {
                throw new NnException(jar.path() + ": module " + module + " is built in already; remove this jar");
            }
            Path other = jarByModule.putIfAbsent(module, jar.path());
            if (other != null) {
                throw new NnException(jar.path() + ": module " + module + " is also in " + other + "; keep one of them");
            }
            for (String pkg : jar.descriptor().packages()) {
                String owner = ownerByPackage.putIfAbsent(pkg, "module " + module + " (" + jar.path() + ")");
                if (owner != null) {
                    throw new NnException(jar.path() + ": package " + pkg + " is also in " + owner
                            + "; a package must be in one module only");
                }
            }
        }
        ModuleFinder system = ModuleFinder.ofSystem();
        for (PluginJar jar : jars) {
            for (ModuleDescriptor.Requires requires : jar.descriptor().requires()) {
                if (!requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        && !jarByModule.containsKey(requires.name())
                        && boot.findModule(requires.name()).isEmpty() && system.find(requires.name()).isEmpty()) {
                    throw new NnException(jar.path() + ": module " + jar.moduleName() + " requires module "
                            + requires.name() + ", which is neither built in nor in a plugin jar");
                }
            }
        }
        return jarByModule;
    }
}
