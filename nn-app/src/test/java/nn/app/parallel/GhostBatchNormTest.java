package nn.app.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nn.api.BuildContext;
import nn.app.TinyFashionMnist;
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
 * BatchNormalization in data-parallel training, checked by hand: each worker normalizes its shard
 * with the shard's statistics ("ghost batches"), and the moving statistics become the mean of the
 * shards' updated ones. Through the real worker task, found by name as an engine finds it.
 */
class GhostBatchNormTest {
    private static final String MODEL = """
            {"class_name": "Sequential", "config": {"name": "ghost", "layers": [
              {"class_name": "Flatten", "config": {"batch_input_shape": [null, 28, 28]}},
              {"class_name": "BatchNormalization", "config": {}},
              {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]}}
            """;

    @TempDir
    static Path home;

    @Test
    void eachShardIsNormalizedWithItsOwnStatisticsAndTheMovingOnesAreAveraged() throws IOException {
        Path dir = TinyFashionMnist.write(home.resolve("data"), 8, 4);
        PluginRegistry registry = PluginRegistry.discover();
        LabeledData train = new FashionMnistData(registry, Optional.of(dir), Optional.empty()).train();
        ModelDefinition definition = ModelFiles.parse(MODEL, "ghost").withDefaultCompile();
        try (Sequential model = definition.build(registry, new BuildContext(KernelChoice.choose("ejml", 1), new SplittableRandom(3)));
                LocalEngine engine = new LocalEngine(2)) {
            definition.compile(model, registry);
            byte[] setup = new WorkerSetup(ModelFiles.toJson(model, CompileSpec.of(model)), "ejml", 1, Optional.of(dir.toString()),
                    Optional.empty(), Map.of()).encode();
            // one batch of all 8 images, no shuffle: worker 0 gets images 0-3, worker 1 images 4-7
            model.fit(train, null, new FitConfig(1, 8, false, 0), new DataParallelTraining(model, engine, ShardTask.NAME, setup, 2, 1, 0));

            float[][] pixels = pixels(train);
            float[] movingMean = model.nonTrainableWeights().get(0).value().data;
            float[] movingVariance = model.nonTrainableWeights().get(1).value().data;
            boolean ghostDiffersFromWholeBatch = false;
            for (int j = 0; j < 784; j++) {
                double[] first = moments(pixels, 0, 4, j);
                double[] second = moments(pixels, 4, 8, j);
                double[] whole = moments(pixels, 0, 8, j);
                // Keras: moving = moving * 0.99 + batch * 0.01, from 0 (mean) and 1 (variance); then the mean of the two workers'
                assertEquals((0.01 * first[0] + 0.01 * second[0]) / 2, movingMean[j], 1e-6, "moving mean " + j);
                double ghost = (0.99 + 0.01 * first[1] + 0.99 + 0.01 * second[1]) / 2;
                assertEquals(ghost, movingVariance[j], 1e-6, "moving variance " + j);
                ghostDiffersFromWholeBatch |= Math.abs(ghost - (0.99 + 0.01 * whole[1])) > 1e-4;
            }
            assertTrue(ghostDiffersFromWholeBatch, "the shards' variances average to the whole batch's: the check proves nothing");
        }
    }

    private static float[][] pixels(LabeledData data) {
        float[] all = new float[data.size() * 784];
        data.features().copyRows(IntStream.range(0, data.size()).toArray(), 0, data.size(), all);
        float[][] rows = new float[data.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(all, r * 784, (r + 1) * 784);
        }
        return rows;
    }

    /** Mean and biased variance of feature {@code j} over rows [from, to). */
    private static double[] moments(float[][] rows, int from, int to, int j) {
        double mean = 0;
        for (int r = from; r < to; r++) {
            mean += rows[r][j];
        }
        mean /= to - from;
        double variance = 0;
        for (int r = from; r < to; r++) {
            variance += (rows[r][j] - mean) * (rows[r][j] - mean);
        }
        return new double[] {mean, variance / (to - from)};
    }
}
