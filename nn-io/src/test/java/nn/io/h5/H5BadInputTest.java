package nn.io.h5;

import static nn.io.FormatBadInput.loadError;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nn.core.Sequential;
import nn.io.FormatFixtures;
import nn.io.Models;
import nn.io.hdf5.Hdf5Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H5BadInputTest {
    private static Sequential model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = FormatFixtures.trainedAllLayers();
    }

    private Path saved(String name) {
        Path file = dir.resolve(name);
        Models.save(model, file);
        return file;
    }

    @Test
    void aTruncatedFile() throws Exception {
        Path file = saved("model.h5");
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {8, 100, bytes.length / 2, bytes.length - 20}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            loadError(file, length == 8 ? "not a readable HDF5 file, or damaged" : "truncated");
        }
    }

    @Test
    void garbageAfterTheSignature() throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0, 8);
        Path file = Files.write(dir.resolve("garbage.h5"), bytes);
        loadError(file, "not a readable HDF5 file, or damaged");
    }

    @Test
    void aWeightsOnlyFileAndAFunctionalModel() throws Exception {
        Path weightsOnly = write("weights.h5", h5 -> h5.group("model_weights"));
        loadError(weightsOnly, "has no model_config attribute");
        Path functional = write("functional.h5", h5 -> Hdf5Output.putText(h5.root(), "model_config",
                "{\"class_name\": \"Functional\", \"config\": {\"layers\": []}}"));
        loadError(functional, "model_config: the model is a Functional; nn loads Sequential models only");
    }

    @Test
    void aLayerListedButMissing() throws Exception {
        Path file = write("missing.h5", h5 -> {
            Hdf5Output.putText(h5.root(), "model_config", nn.io.ModelFiles.toJson(nn.io.ModelFiles.preset("no-bn")));
            Hdf5Output.putStrings(h5.group("model_weights"), "layer_names", List.of("flatten", "dense"));
        });
        loadError(file, "layer_names lists 'flatten' but /model_weights/ has no group of that name");
    }

    @Test
    void missingWeightsWrongShapesAndNonFiniteValues() {
        nn.io.FormatBadInput.assertBadWeightsRefused(model, dir, "h5");
    }

    private Path write(String name, java.util.function.Consumer<Hdf5Output> content) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Hdf5Output.writeTo(out, content);
        }
        return file;
    }
}
