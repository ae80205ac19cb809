package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.app.run.RunConfig;
import org.junit.jupiter.api.Test;

class GridSpecTest {

    private static GridSpec spec(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return GridSpec.of(json, "spec.json");
    }

    @Test
    void everyCombinationNamedByWhatVaries() {
        GridSpec spec = spec("models", List.of("bn-before", "no-bn"), "learning_rate", List.of(0.01, 0.1), "batch_size", 64,
                "seeds", List.of(1, 2), "epochs", 3, "limit", 1000);
        List<NamedRun> runs = spec.runs(RunConfig.tutorial(), Path.of("out"));
        assertEquals(List.of("bn-before_learning_rate=0.01_seed1", "bn-before_learning_rate=0.01_seed2",
                "bn-before_learning_rate=0.1_seed1", "bn-before_learning_rate=0.1_seed2", "no-bn_learning_rate=0.01_seed1",
                "no-bn_learning_rate=0.01_seed2", "no-bn_learning_rate=0.1_seed1", "no-bn_learning_rate=0.1_seed2"),
                runs.stream().map(NamedRun::name).toList());
        RunConfig last = runs.get(7).config();
        assertEquals("no-bn", last.model());
        assertEquals(Optional.of(0.1), last.learningRate());
        assertEquals(64, last.batchSize());
        assertEquals(2, last.seed());
        assertEquals(3, last.epochs());
        assertEquals(Optional.of(1000), last.limit());
        assertEquals(Optional.of(Path.of("out", "no-bn_learning_rate=0.1_seed2")), last.outDir());
        assertEquals(Optional.empty(), last.optimizer());
    }

    @Test
    void defaultsAreTheTutorialsModelAndBatchOneSeedTenEpochs() {
        List<NamedRun> runs = spec().runs(RunConfig.tutorial(), Path.of("g"));
        assertEquals(1, runs.size());
        assertEquals("bn-before_seed42", runs.get(0).name());
        assertEquals(32, runs.get(0).config().batchSize());
        assertEquals(10, runs.get(0).config().epochs());
    }

    @Test
    void optimizersAndActivationsReplaceTheModelsOwn() {
        List<NamedRun> runs = spec("optimizer", List.of("SGD", "Adam"), "activation", "elu").runs(RunConfig.tutorial(), Path.of("g"));
        assertEquals(List.of("bn-before_optimizer=SGD_seed42", "bn-before_optimizer=Adam_seed42"),
                runs.stream().map(NamedRun::name).toList());
        assertEquals(Optional.of("Adam"), runs.get(1).config().optimizer());
        assertEquals(Optional.of("elu"), runs.get(1).config().activation());
    }

    @Test
    void badSpecsNameTheKeyAndTheProblem() {
        assertEquals("spec.json: unknown key 'lr'; known keys: models, optimizer, learning_rate, batch_size, activation, seeds,"
                + " epochs, limit", assertThrows(NnException.class, () -> spec("lr", 0.1)).getMessage());
        assertEquals("spec.json: 'learning_rate' takes positive numbers, got -1",
                assertThrows(NnException.class, () -> spec("learning_rate", List.of(0.1, -1))).getMessage());
        assertEquals("spec.json: 'batch_size' takes positive whole numbers, got 3.5",
                assertThrows(NnException.class, () -> spec("batch_size", 3.5)).getMessage());
        assertEquals("spec.json: 'seeds' gives 1 twice", assertThrows(NnException.class, () -> spec("seeds", List.of(1, 1))).getMessage());
        assertEquals("spec.json: 'models' has no values", assertThrows(NnException.class, () -> spec("models", List.of())).getMessage());
        assertEquals("spec.json: 'epochs' must be a positive whole number, got 0",
                assertThrows(NnException.class, () -> spec("epochs", 0)).getMessage());
        assertEquals("spec.json: 'limit' is one number for every run, not a list",
                assertThrows(NnException.class, () -> spec("limit", List.of(10, 20))).getMessage());
    }

    @Test
    void twoModelsNamedAlikeWouldShareAFolder() {
        assertEquals("spec.json: 'models' gives 'x/m.json' and 'y/m.json', both named 'm' in the outputs; rename one",
                assertThrows(NnException.class, () -> spec("models", List.of("x/m.json", "y/m.json"))).getMessage());
        assertEquals("spec.json: 'models' gives 'bn-before' and 'a/bn-before.json', both named 'bn-before' in the outputs;"
                + " rename one", assertThrows(NnException.class, () -> spec("models", List.of("bn-before", "a/bn-before.json")))
                .getMessage());
    }

    @Test
    void aMissingOrBrokenFileIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals("--spec " + dir.resolve("none.json") + ": no such file",
                assertThrows(NnException.class, () -> GridSpec.read(dir.resolve("none.json"))).getMessage());
        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.json"), "{\"models\": [");
        String message = assertThrows(NnException.class, () -> GridSpec.read(broken)).getMessage();
        assertEquals(true, message.startsWith("--spec " + broken + ": not a JSON object: "), message);
        Path nothing = java.nio.file.Files.writeString(dir.resolve("null.json"), "null");
        assertEquals("--spec " + nothing + ": not a JSON object: the file holds null",
                assertThrows(NnException.class, () -> GridSpec.read(nothing)).getMessage());
    }
}
