package nn.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginErrorsTest {

    @Test
    void blamesTheJarOfTheFirstModuleTheMessageNames() {
        Map<String, Path> jars = Map.of("a.mod", Path.of("plugins/a.jar"), "b.mod", Path.of("plugins/b.jar"));
        assertEquals("plugins/b.jar: Cycle detected: b.mod -> a.mod -> b.mod",
                PluginErrors.blame("Cycle detected: b.mod -> a.mod -> b.mod", jars, "plugins"));
    }

    @Test
    void fallsBackWhenNoJarIsNamed() {
        assertEquals("plugins folder x: something else",
                PluginErrors.blame("something else", Map.of("a.mod", Path.of("a.jar")), "plugins folder x"));
    }

    @Test
    void addsTheDeepestCause() {
        Exception e = new RuntimeException("outer", new IllegalStateException("middle", new IllegalArgumentException("boom")));
        assertEquals("outer: boom", PluginErrors.withRootCause(e));
        assertEquals("plain", PluginErrors.withRootCause(new RuntimeException("plain")));
    }
}
