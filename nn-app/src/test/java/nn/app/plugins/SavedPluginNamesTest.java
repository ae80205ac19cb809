package nn.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nn.api.BuildContext;
import nn.api.NnException;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.ModelArchive;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.Models;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that shadows built-in names (an activation {@code relu}, a layer {@code BatchNormalization},
 * an optimizer {@code SGD}): a model built from its qualified names gets them back after saving, and
 * without the plugin loading names its module instead of falling back to the built-ins.
 */
class SavedPluginNamesTest {
    private static final String MODEL = """
            {"class_name": "Sequential", "config": {"layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 3]}},
              {"class_name": "Dense", "config": {"units": 4, "activation": "shadow.plugin/relu"}},
              {"class_name": "shadow.plugin/BatchNormalization", "config": {}},
              {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]},
             "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
               "optimizer_config": {"class_name": "shadow.plugin/SGD", "config": {"learning_rate": 0.1}}}}""";

    @TempDir
    Path work;
    Path plugins;

    @BeforeEach
    void buildShadowPlugin() throws Exception {
        plugins = Files.createDirectory(work.resolve("plugins"));
        new PluginJarBuilder(work)
                .source("module-info.java", """
                        module shadow.plugin {
                            requires nn.api;
                            provides nn.api.ActivationProvider with shadow.plugin.Cube;
                            provides nn.api.LayerProvider with shadow.plugin.IdentityProvider;
                            provides nn.api.OptimizerProvider with shadow.plugin.PlainSgdProvider;
                        }
                        """)
                .source("shadow/plugin/Cube.java", PluginLayersTest.activation("shadow.plugin", "Cube", "relu", ""))
                .source("shadow/plugin/Identity.java", """
                        package shadow.plugin;
                        import java.util.Map;
                        import nn.api.*;
                        import org.ejml.data.FMatrixRMaj;
                        public final class Identity extends BaseLayer {
                            public Identity(Config config) { super("BatchNormalization", config); }
                            @Override protected Shape onBuild(Shape in, BuildContext context) { return in; }
                            @Override public FMatrixRMaj forward(FMatrixRMaj x, boolean training) { return x; }
                            @Override public FMatrixRMaj backward(FMatrixRMaj dy, boolean needed) { return dy; }
                            @Override protected void putConfig(Map<String, Object> config) { }
                        }
                        """)
                .source("shadow/plugin/IdentityProvider.java", """
                        package shadow.plugin;
                        import nn.api.*;
                        public final class IdentityProvider implements LayerProvider {
                            @Override public String name() { return "BatchNormalization"; }
                            @Override public Layer create(Config config) { return new Identity(config); }
                        }
                        """)
                .source("shadow/plugin/PlainSgd.java", """
                        package shadow.plugin;
                        import java.util.List;
                        import java.util.Map;
                        import nn.api.*;
                        import org.ejml.data.FMatrixRMaj;
                        public final class PlainSgd extends BaseOptimizer {
                            public PlainSgd(Config config) { super("SGD", config, 0.01); }
                            @Override protected List<String> slotNames() { return List.of(); }
                            @Override protected void update(float[] w, float[] g, int n, FMatrixRMaj[] slots, float rate) {
                                for (int i = 0; i < n; i++) { w[i] -= rate * g[i]; }
                            }
                            @Override protected void putConfig(Map<String, Object> config) { }
                        }
                        """)
                .source("shadow/plugin/PlainSgdProvider.java", """
                        package shadow.plugin;
                        import nn.api.*;
                        public final class PlainSgdProvider implements OptimizerProvider {
                            @Override public String name() { return "SGD"; }
                            @Override public Optimizer create(Config config) { return new PlainSgd(config); }
                        }
                        """)
                .build(plugins.resolve("shadow.jar"));
    }

    /** The model JSON built with the plugin, compiled and saved as model.zip. */
    private Path savedWithPlugin(String json, String fileName) {
        PluginRegistry registry = PluginLayers.load(plugins).registry();
        ModelDefinition definition = ModelFiles.parse(json, "shadow model");
        Sequential model = definition.build(registry, BuildContext.seeded(1));
        definition.compile(model, registry);
        Path file = work.resolve(fileName);
        ModelArchive.save(file, model, null);
        return file;
    }

    @Test
    void aModelBuiltFromAPluginsNamesGetsThemBackAfterSaving() {
        PluginRegistry registry = PluginLayers.load(plugins).registry();
        Path file = savedWithPlugin(MODEL, "model.zip");

        Sequential back = Models.load(file, registry, BuildContext.seeded(2)).model();
        assertEquals("shadow.plugin", back.layer(1).getClass().getModule().getName(), "the plugin's BatchNormalization");
        assertEquals("shadow.plugin", back.optimizer().getClass().getModule().getName(), "the plugin's SGD");
        assertTrue(back.layer(0).config().get("activation").equals("shadow.plugin/relu"), back.layer(0).config().toString());
        assertEquals(0, back.optimizer().iterations());
    }

    @Test
    void withoutThePluginLoadingNamesTheModuleInsteadOfUsingTheBuiltIns() {
        Path file = savedWithPlugin(MODEL, "model.zip");

        String error = assertThrows(NnException.class,
                () -> Models.load(file, PluginRegistry.discover(), BuildContext.seeded(2))).getMessage();
        assertTrue(error.contains("unknown activation 'shadow.plugin/relu'"), error);

        Path layerOnly = savedWithPlugin(MODEL.replace("shadow.plugin/relu", "relu"), "layer-only.zip");
        String layerError = assertThrows(NnException.class,
                () -> Models.load(layerOnly, PluginRegistry.discover(), BuildContext.seeded(2))).getMessage();
        assertEquals(layerOnly + ": model.json: layer 1 'BatchNormalization' came from module shadow.plugin, which is not"
                + " loaded (put that plugin's jar in the plugins folder); the BatchNormalization found here comes from"
                + " nn.layers.bn", layerError);
    }
}
