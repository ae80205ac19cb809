package nn.app.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import nn.api.BuildContext;
import nn.app.TinyFashionMnist;
import nn.app.plugins.PluginJarBuilder;
import nn.app.plugins.PluginLayers;
import nn.app.plugins.ShippedPlugins;
import nn.app.wiring.FashionMnistData;
import nn.core.FitConfig;
import nn.core.KernelChoice;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.core.engine.LocalEngine;
import nn.core.parallel.DataParallelTraining;
import nn.io.CompileSpec;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with a plugin layer that draws random numbers in training is built anew each round from
 * the round's seed, as one with Dropout is: the workers keep no copy of it, whatever its type's name.
 */
class ShardTaskTest {
    private static final String MODEL = """
            {"class_name": "Sequential", "config": {"name": "noisy", "layers": [
              {"class_name": "Flatten", "config": {"batch_input_shape": [null, 28, 28]}},
              {"class_name": "Noise", "config": {}},
              {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]}}
            """;

    @TempDir
    Path home;

    @Test
    void aModelWhosePluginLayerDrawsRandomNumbersInTrainingIsNotKept() throws IOException {
        Path dir = TinyFashionMnist.write(home.resolve("data"), 8, 4);
        Path plugins = noisePlugin();
        PluginRegistry registry = PluginLayers.load(plugins).registry();
        LabeledData train = new FashionMnistData(registry, Optional.of(dir), Optional.empty()).train();
        ModelDefinition definition = ModelFiles.parse(MODEL, "noisy").withDefaultCompile();
        Set<String> before = WorkerCache.idleSetups();
        byte[] setup = null;
        try (Sequential model = definition.build(registry, new BuildContext(KernelChoice.choose("ejml", 1), new SplittableRandom(3)));
                LocalEngine engine = new LocalEngine(2)) {
            definition.compile(model, registry);
            setup = new WorkerSetup(ModelFiles.toJson(model, CompileSpec.of(model)), "ejml", 1, Optional.of(dir.toString()),
                    Optional.empty(), ShippedPlugins.read(plugins)).encode();
            model.fit(train, null, new FitConfig(1, 4, false, 0), new DataParallelTraining(model, engine, ShardTask.NAME, setup, 2, 1, 0));
            assertEquals(before, WorkerCache.idleSetups());
        } finally {
            if (setup != null) {
                WorkerCache.release(setup);
            }
        }
    }

    /** A plain jar with layer {@code Noise}: passes inputs through, drawing a number per batch in training. */
    private Path noisePlugin() throws IOException {
        Path folder = Files.createDirectories(home.resolve("plugins"));
        new PluginJarBuilder(home)
                .source("noisy/Noise.java", """
                        package noisy;
                        import java.util.Map;
                        import java.util.SplittableRandom;
                        import nn.api.*;
                        import org.ejml.data.FMatrixRMaj;
                        public final class Noise extends BaseLayer {
                            private SplittableRandom random;
                            public Noise(Config config) { super("Noise", config); }
                            @Override protected Shape onBuild(Shape in, BuildContext context) {
                                random = new SplittableRandom(context.random().nextLong());
                                return in;
                            }
                            @Override public boolean usesRandomnessInTraining() { return true; }
                            @Override public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
                                if (training) { random.nextFloat(); }
                                return x;
                            }
                            @Override public FMatrixRMaj backward(FMatrixRMaj dy, boolean needed) { return dy; }
                            @Override protected void putConfig(Map<String, Object> config) { }
                        }
                        """)
                .source("noisy/NoiseProvider.java", """
                        package noisy;
                        import nn.api.*;
                        public final class NoiseProvider implements LayerProvider {
                            @Override public String name() { return "Noise"; }
                            @Override public Layer create(Config config) { return new Noise(config); }
                        }
                        """)
                .service("nn.api.LayerProvider", "noisy.NoiseProvider")
                .build(folder.resolve("noisy.jar"));
        return folder;
    }
}
