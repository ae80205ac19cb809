package nn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nn.api.BuildContext;
import nn.api.Kernels;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.Models;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Saving and loading the tutorial model (318,610 parameters, compiled, so with its optimizer's
 * slots where the format keeps them) in each format: one call writes or reads one file (a folder
 * for tfjs) in a temporary folder.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelFormatBenchmark extends JmhDefaults {

    /** The file name that asks for the format: {@code .zip} nn, {@code .h5}, {@code .keras}, a folder for tfjs. */
    @Param({"model.zip", "model.h5", "model.keras", "tfjs-model"})
    public String file;

    private Kernels kernels;
    private Sequential model;
    private PluginRegistry registry;
    private Path dir;
    private Path saved;

    @Setup
    public void setUp() throws IOException {
        kernels = BenchKernels.of("vector");
        model = TutorialModel.on(kernels);
        registry = PluginRegistry.discover();
        dir = Files.createTempDirectory("nn-formats");
        saved = dir.resolve(file);
        model.save(saved);
    }

    @TearDown
    public void tearDown() throws IOException {
        kernels.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public void save() {
        model.save(saved);
    }

    @Benchmark
    public Sequential load() {
        return Models.load(saved, registry, new BuildContext(kernels, new SplittableRandom(1))).model();
    }
}
