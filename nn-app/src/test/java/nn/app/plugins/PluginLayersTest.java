package nn.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nn.api.Activation;
import nn.api.NnException;
import nn.core.Catalog;
import nn.core.PluginRegistry;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars built at test time, loaded into a module layer, found by the registry; and every way a jar can be bad. */
class PluginLayersTest {
    private static final String MODULE_INFO = """
            module test.plugin {
                requires nn.api;
                provides nn.api.ActivationProvider with test.plugin.Cube;
            }
            """;

    @TempDir
    Path work;
    Path plugins;

    @BeforeEach
    void createPluginsFolder() throws IOException {
        plugins = Files.createDirectory(work.resolve("plugins"));
    }

    /** An activation x^3 named {@code name}, whose constructor runs {@code constructorBody}. */
    static String activation(String pkg, String cls, String name, String constructorBody) {
        return """
                package %1$s;

                import nn.api.Activation;
                import nn.api.ActivationProvider;
                import nn.api.Config;
                import org.ejml.data.FMatrixRMaj;

                public final class %2$s implements Activation, ActivationProvider {
                    public %2$s() {
                        %4$s
                    }

                    @Override public String name() { return "%3$s"; }

                    @Override public Activation create(Config config) { return this; }

                    @Override public void forward(FMatrixRMaj x, FMatrixRMaj y) {
                        for (int i = 0; i < x.getNumElements(); i++) {
                            y.data[i] = x.data[i] * x.data[i] * x.data[i];
                        }
                    }

                    @Override public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
                        for (int i = 0; i < x.getNumElements(); i++) {
                            dx.data[i] = dy.data[i] * 3 * x.data[i] * x.data[i];
                        }
                    }
                }
                """.formatted(pkg, cls, name, constructorBody);
    }

    private PluginJarBuilder builder() {
        return new PluginJarBuilder(work);
    }

    private Path modularCube(String jarName) {
        return builder().source("module-info.java", MODULE_INFO)
                .source("test/plugin/Cube.java", activation("test.plugin", "Cube", "cube", ""))
                .build(plugins.resolve(jarName));
    }

    private PluginJarBuilder plainActivation(String pkg, String cls, String name, String constructorBody) {
        return builder().source(pkg.replace('.', '/') + "/" + cls + ".java", activation(pkg, cls, name, constructorBody))
                .service("nn.api.ActivationProvider", pkg + "." + cls);
    }

    private static void assertCubes(PluginRegistry registry, String name) {
        Activation cube = registry.activation(name, "test");
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{2f, -1f}});
        FMatrixRMaj y = new FMatrixRMaj(1, 2);
        cube.forward(x, y);
        assertEquals(8f, y.get(0, 0));
        assertEquals(-1f, y.get(0, 1));
    }

    private NnException loadFails() {
        return assertThrows(NnException.class, () -> PluginLayers.load(plugins).registry());
    }

    @Test
    void aModularJarsActivationIsFoundByNameNextToTheBuiltIns() {
        Path jar = modularCube("cube.jar");
        Plugins loaded = PluginLayers.load(plugins);
        PluginRegistry registry = loaded.registry();
        assertTrue(registry.activations().names().containsAll(java.util.List.of("cube", "relu", "softmax")),
                registry.activations().names().toString());
        assertCubes(registry, "cube");
        Catalog.Entry<?> entry = registry.activations().entries().stream()
                .filter(e -> e.name().equals("cube")).findFirst().orElseThrow();
        assertEquals("test.plugin", entry.origin());
        assertEquals(Optional.of(jar), loaded.jarOf(entry.origin()));
        assertEquals(Optional.empty(), loaded.jarOf("nn.core"));
        assertEquals(Map.of("test.plugin", jar), loaded.jarByModule());
    }

    @Test
    void aPlainJarWithServiceFilesIsAnAutomaticModule() {
        Path jar = plainActivation("square.act", "Cubic", "cubic", "").build(plugins.resolve("my-activations-1.2.jar"));
        Plugins loaded = PluginLayers.load(plugins);
        assertCubes(loaded.registry(), "cubic");
        assertEquals(Map.of("my.activations", jar), loaded.jarByModule());
    }

    @Test
    void aPluginActivationIsUsableByNameFromABuiltInLayer() {
        modularCube("cube.jar");
        PluginRegistry registry = PluginLayers.load(plugins).registry();
        assertEquals("cube", ((nn.core.Dense) registry.layer("Dense", Map.of("units", 2, "activation", "cube")))
                .activation().name());
    }

    @Test
    void aPluginMayRequireAnotherPluginsModule() {
        Path lib = libraryJar(plugins.resolve("lib.jar"));
        builder().source("module-info.java", "module test.user { requires nn.api; requires other.lib; "
                        + "provides nn.api.ActivationProvider with test.user.Cube; }")
                .source("test/user/Cube.java", activation("test.user", "Cube", "cube_user", "other.lib.Lib.touch();"))
                .compileAgainst(lib)
                .build(plugins.resolve("user.jar"));
        assertCubes(PluginLayers.load(plugins).registry(), "cube_user");
    }

    @Test
    void anEmptyFolderGivesTheBuiltInsOnly() {
        Plugins loaded = PluginLayers.load(plugins);
        assertSame(ModuleLayer.boot(), loaded.layer());
        assertTrue(loaded.registry().activations().contains("relu"));
    }

    @Test
    void aFolderThatDoesNotExistIsAnErrorNamingIt() {
        Path missing = work.resolve("nowhere");
        NnException e = assertThrows(NnException.class, () -> PluginLayers.load(missing));
        assertEquals("plugins folder " + missing + ": no such folder", e.getMessage());
    }

    @Test
    void aFileThatIsNotAJar() throws IOException {
        Path jar = Files.writeString(plugins.resolve("foo.jar"), "not a zip");
        assertEquals(jar + ": not a jar file", loadFails().getMessage());
    }

    @Test
    void aJarWhoseRequiredModuleIsMissingNamesTheModule() {
        Path lib = libraryJar(work.resolve("lib.jar"));
        Path jar = builder().source("module-info.java", "module test.user { requires nn.api; requires other.lib; }")
                .source("test/user/Uses.java", "package test.user; public class Uses { other.lib.Lib lib; }")
                .compileAgainst(lib)
                .build(plugins.resolve("user.jar"));
        assertEquals(jar + ": module test.user requires module other.lib, which is neither built in nor in a plugin jar",
                loadFails().getMessage());
    }

    @Test
    void twoJarsWithTheSameModule() {
        Path first = modularCube("a-cube.jar");
        Path second = modularCube("b-cube.jar");
        assertEquals(second + ": module test.plugin is also in " + first + "; keep one of them", loadFails().getMessage());
    }

    @Test
    void aJarThatSplitsABuiltInPackage() {
        Path jar = builder().source("nn/core/Extra.java", "package nn.core; public class Extra {}")
                .build(plugins.resolve("sneaky.jar"));
        assertEquals(jar + ": package nn.core is also in built-in module nn.core; a package must be in one module only",
                loadFails().getMessage());
    }

    @Test
    void twoJarsThatShareAPackage() {
        Path first = plainActivation("shared.pkg", "One", "one", "").build(plugins.resolve("one.jar"));
        Path second = plainActivation("shared.pkg", "Two", "two", "").build(plugins.resolve("two.jar"));
        assertEquals(second + ": package shared.pkg is also in module one (" + first + "); a package must be in one module only",
                loadFails().getMessage());
    }

    @Test
    void aJarThatRepeatsABuiltInModule() {
        Path jar = plainActivation("copy.bn", "Cube", "cube", "").build(plugins.resolve("nn-layers-bn-0.1.0.jar"));
        assertEquals(jar + ": module nn.layers.bn is built in already; remove this jar", loadFails().getMessage());
    }

    @Test
    void aProviderThatFailsToInstantiateNamesTheProviderAndTheJar() {
        Path jar = plainActivation("broken.act", "Broken", "broken", "throw new IllegalStateException(\"boom\");")
                .build(plugins.resolve("broken.jar"));
        String message = loadFails().getMessage();
        assertTrue(message.startsWith(jar + ": "), message);
        assertTrue(message.contains("broken.act.Broken"), message);
        assertTrue(message.contains("boom"), message);
    }

    @Test
    void aServiceFileNamingAClassOutsideTheJar() {
        Path jar = plainActivation("listed.act", "Real", "real", "")
                .service("nn.api.ActivationProvider", "elsewhere.Missing")
                .build(plugins.resolve("listed.jar"));
        assertEquals(jar + ": not a usable module: Provider class elsewhere.Missing not in module", loadFails().getMessage());
    }

    @Test
    void aServiceFileNamingAMissingClass() {
        Path jar = plainActivation("listed.act", "Real", "real", "")
                .service("nn.api.ActivationProvider", "listed.act.Missing")
                .build(plugins.resolve("listed.jar"));
        String message = loadFails().getMessage();
        assertTrue(message.startsWith(jar + ": "), message);
        assertTrue(message.contains("listed.act.Missing"), message);
    }

    /** Module other.lib, exporting other.lib.Lib with a static touch(). */
    private Path libraryJar(Path jar) {
        return builder().source("module-info.java", "module other.lib { exports other.lib; }")
                .source("other/lib/Lib.java", "package other.lib; public class Lib { public static void touch() {} }")
                .build(jar);
    }
}
