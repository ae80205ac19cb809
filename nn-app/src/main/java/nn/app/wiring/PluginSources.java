package nn.app.wiring;

import jakarta.inject.Inject;
import java.nio.file.Path;
import nn.app.plugins.Plugins;

/** Where a provider's module comes from, for {@code nn plugins}: a plugin jar, or the built-in module's jar. */
public final class PluginSources {
    private final Plugins plugins;

    @Inject
    PluginSources(Plugins plugins) {
        this.plugins = plugins;
    }

    /** {@code nn.layers.bn (/path/nn-layers-bn.jar)}; a class-path origin is already a jar name. */
    public String describe(String module) {
        return plugins.jarOf(module)
                .or(() -> ModuleLayer.boot().configuration().findModule(module)
                        .flatMap(m -> m.reference().location())
                        .filter(uri -> uri.getScheme().equals("file"))
                        .map(Path::of))
                .map(jar -> module + " (" + jar + ")")
                .orElse(module);
    }
}
