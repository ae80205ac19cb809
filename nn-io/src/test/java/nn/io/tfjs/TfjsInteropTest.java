package nn.io.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nn.api.BuildContext;
import nn.api.Dataset;
import nn.api.Features;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.io.FormatFixtures;
import nn.io.InteropClients;
import nn.io.ModelDefinition;
import nn.io.ModelFiles;
import nn.io.Models;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nn's tfjs export and import against TensorFlow.js itself (4.22.0, pure JavaScript, run by Node.js):
 * tfjs loads what nn writes and predicts what nn predicts; nn loads what tfjs writes and predicts what
 * tfjs predicts.
 */
class TfjsInteropTest {
    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    @BeforeEach
    void tfjsIsThere() {
        NodeHarness.requireInstalled();
    }

    /** The tutorial's model, trained an epoch on 6,000 real images; tfjs predicts the 10,000 test images. */
    @Test
    void tfjsPredictsTheTestImagesAsNnDoes() throws Exception {
        boolean haveData = Files.isRegularFile(FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz"));
        InteropClients.require(haveData ? null : "no Fashion-MNIST in " + FASHION_MNIST + " (apt-get install dataset-fashion-mnist)");
        Dataset data = FormatFixtures.REGISTRY.dataset("fashion_mnist", Map.of("data_dir", FASHION_MNIST.toString(), "limit", 6000));
        ModelDefinition tutorial = ModelFiles.preset("bn-before").withDefaultCompile();
        Sequential model = tutorial.build(FormatFixtures.REGISTRY, BuildContext.seeded(42));
        tutorial.compile(model, FormatFixtures.REGISTRY);
        model.fit(new LabeledData(data.trainFeatures(), data.trainLabels()), FitConfig.epochs(1));

        FMatrixRMaj images = data.testFeatures().toMatrix();
        assertEquals(10_000, images.numRows);
        assertSamePredictions(model, images);
    }

    @Test
    void tfjsPredictsEveryBuiltInLayerAsNnDoes() throws Exception {
        Sequential model = FormatFixtures.trainedAllLayers();
        assertSamePredictions(model, FormatFixtures.data(11, 20, 3).features().toMatrix());
    }

    private void assertSamePredictions(Sequential model, FMatrixRMaj inputs) throws Exception {
        Path folder = dir.resolve("model");
        model.save(folder);
        Path x = dir.resolve("inputs.f32");
        Path y = dir.resolve("predictions.f32");
        TfjsPredictions.writeFloats(x, inputs.data, inputs.getNumElements());
        NodeHarness.run("predict.js", folder, x, y);
        TfjsPredictions.assertClose(TfjsPredictions.readFloats(y), model.predict(Features.of(inputs), 256), 1e-5f);
    }

    /** tfjs builds, trains and saves a batch-normalized MLP; nn loads it and predicts as tfjs did. */
    @Test
    void nnPredictsATfjsTrainedModelAsTfjsDoes() throws Exception {
        Path folder = dir.resolve("from-tfjs");
        NodeHarness.run("train_and_save.js", folder);
        Sequential model = Models.load(folder, FormatFixtures.REGISTRY, BuildContext.seeded(1)).model();
        TfjsPredictions.assertMatches(folder, model, 1e-5f);
    }
}
