package nn.core;

import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a provider class comes from: its module's name. On the class path (spark-submit, a Spark
 * executor) every jar is unnamed, so it is the name the jar would have on the module path (its
 * module-info, or its automatic name), so that saved names read the same both ways; the jar's file
 * name when it cannot be a module.
 */
final class PluginOrigin {
    private static final Map<Path, String> BY_JAR = new ConcurrentHashMap<>();

    private PluginOrigin() {
    }

    static String of(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return module.getName();
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unnamed";
        }
        try {
            Path jar = Path.of(source.getLocation().toURI());
            return BY_JAR.computeIfAbsent(jar, PluginOrigin::moduleName);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    private static String moduleName(Path jar) {
        Optional<String> name;
        try {
            name = ModuleFinder.of(jar).findAll().stream().findFirst().map(ModuleReference::descriptor).map(d -> d.name());
        } catch (FindException e) {
            name = Optional.empty();
        }
        return name.orElse(String.valueOf(jar.getFileName()));
    }
}
