package nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import nn.api.BuildContext;
import nn.api.Features;
import nn.api.NnException;
import nn.api.Variable;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();
    static final FitConfig ONE_EPOCH = FitConfig.epochs(1).withBatchSize(16).withSeed(3);

    @TempDir
    Path dir;

    static LabeledData data(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(48, 784);
        FMatrixRMaj y = new FMatrixRMaj(48, 1);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = random.nextInt(10);
        }
        return new LabeledData(x, y);
    }

    /** The tutorial's model after a few training steps, so weights, moving statistics and slots are not initial. */
    static Sequential trained() {
        Sequential model = PresetsTest.build("bn-before");
        model.fit(data(1), ONE_EPOCH);
        return model;
    }

    static LoadedModel load(Path file) {
        return ModelArchive.load(file, REGISTRY, BuildContext.seeded(99));
    }

    @Test
    void aLoadedModelPredictsBitForBitAndResumesTheSameOptimizerState() {
        Sequential model = trained();
        Path file = dir.resolve("model.zip");
        ModelArchive.save(file, model, CompileSpec.tutorial(), Map.of("epoch", 1, "best_val_loss", 2.5));

        LoadedModel loaded = load(file);
        Sequential back = loaded.model();
        Features x = data(2).features();
        assertArrayEquals(model.predict(x, 32).data, back.predict(x, 32).data);
        for (int i = 0; i < model.weights().size(); i++) {
            Variable saved = model.weights().get(i);
            assertEquals(saved.path(), back.weights().get(i).path());
            assertArrayEquals(saved.value().data, back.weights().get(i).value().data, saved.path());
        }
        assertEquals(3, back.optimizer().iterations());
        assertEquals(model.optimizer().slots().keySet(), back.optimizer().slots().keySet());
        model.optimizer().slots().forEach((name, slot) ->
                assertArrayEquals(slot.data, back.optimizer().slots().get(name).data, name));
        assertEquals(Map.of("epoch", 1, "best_val_loss", 2.5), loaded.state());
        assertEquals(1, loaded.epoch());
        assertEquals(CompileSpec.tutorial(), loaded.definition().compileSpec());

        // Training on from the archive matches training on in memory, step for step.
        model.fit(data(4), ONE_EPOCH);
        back.fit(data(4), ONE_EPOCH);
        assertArrayEquals(model.predict(x, 32).data, back.predict(x, 32).data);
        assertEquals(model.optimizer().iterations(), back.optimizer().iterations());
    }

    @Test
    void theArchiveHoldsDataOnly() throws Exception {
        Path file = dir.resolve("model.zip");
        ModelArchive.save(file, trained(), null);
        Map<String, byte[]> entries = ZipFixtures.entries(file);
        assertEquals(ModelArchive.ENTRIES, List.copyOf(entries.keySet()));
        assertEquals(4 * 318_610, entries.get("weights.bin").length);
        String index = new String(entries.get("weights.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(index.contains("\"name\" : \"batch_normalization/moving_variance:0\""), index);
        assertEquals("{ }\n", new String(entries.get("state.json"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, load(file).epoch());
    }

    @Test
    void savingReplacesTheOldArchiveAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("model.zip");
        Sequential model = trained();
        ModelArchive.save(file, model, Map.of("epoch", 1));
        byte[] first = Files.readAllBytes(file);
        model.fit(data(5), ONE_EPOCH);
        ModelArchive.save(file, model, Map.of("epoch", 2));
        assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(Files.readAllBytes(file)));
        assertEquals(2, load(file).epoch());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedSaveKeepsTheArchiveThatWasThere() throws Exception {
        Path file = dir.resolve("model.zip");
        ModelArchive.save(file, trained(), Map.of("epoch", 7));
        byte[] before = Files.readAllBytes(file);

        Sequential notCompiled = ModelFiles.preset("no-bn").build(REGISTRY, BuildContext.seeded(0));
        assertEquals(file + ": cannot save: model sequential is not compiled: call compile(optimizer, loss, metrics) first",
                assertThrows(NnException.class, () -> ModelArchive.save(file, notCompiled, Map.of())).getMessage());
        assertEquals(file + ": cannot save: cannot write a java.lang.Thread as JSON: " + Thread.currentThread(),
                assertThrows(NnException.class,
                        () -> ModelArchive.save(file, trained(), Map.of("x", Thread.currentThread()))).getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(7, load(file).epoch());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aSaveThatCannotBeWrittenNamesTheFile() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
        Path file = notAFolder.resolve("model.zip");
        String message = assertThrows(NnException.class, () -> ModelArchive.save(file, trained(), Map.of())).getMessage();
        assertTrue(message.startsWith(file + ": cannot be written: "), message);
    }
}
