package nn.core;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where a provider class comes from: its module's name, or the jar file of a class-path provider. */
final class PluginOrigin {

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
            return Path.of(source.getLocation().toURI()).getFileName().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }
}
