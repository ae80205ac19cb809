package nn.app.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nn.api.Variable;
import nn.app.run.RunConfig;
import nn.core.PluginRegistry;
import org.junit.jupiter.api.Test;

/** What nn compare relies on: with the same seed, the presets start from the same Dense weights. */
class SameSeedSameStartTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private static List<float[]> denseKernels(String preset, long seed) {
        RunConfig config = RunConfig.tutorial().forRun(preset, seed, Path.of("unused"));
        return new ModelFactory(config, REGISTRY).buildAndCompile().weights().stream()
                .filter(v -> v.path().endsWith("/kernel:0")).map(Variable::value).map(m -> m.data.clone()).toList();
    }

    @Test
    void thePresetsShareTheirInitialDenseKernelsForASeed() {
        List<float[]> before = denseKernels("bn-before", 3);
        assertEquals(4, before.size());
        for (String other : List.of("bn-after", "no-bn")) {
            List<float[]> kernels = denseKernels(other, 3);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), kernels.get(i), other + " dense kernel " + i);
            }
        }
        assertFalse(Arrays.equals(before.get(0), denseKernels("bn-before", 4).get(0)), "another seed, other weights");
    }
}
