package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nn.api.BuildContext;
import nn.api.Variable;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import nn.core.PluginRegistry;
import nn.core.Sequential;
import nn.io.LoadedModel;
import nn.io.ModelArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --resume}: a run continued from its checkpoint is the uninterrupted run, and what cannot be resumed says why. */
class ResumeTest {
    static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir
    static Path home;
    static Path data;
    static Path straight;
    static Path resumed;
    static Path twoEpochs;

    @BeforeAll
    static void trainFourEpochsStraightAndTwoThenTwo() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 96, 32);
        straight = home.resolve("straight");
        assertSucceeds(train(straight, "--epochs", "4"));
        resumed = home.resolve("resumed");
        assertSucceeds(train(resumed, "--epochs", "2"));
        assertSucceeds(Launcher.run(home, "train", "--resume", resumed.toString(), "--epochs", "4", "--verbose", "0"));
        twoEpochs = home.resolve("two");
        assertSucceeds(train(twoEpochs, "--epochs", "2"));
    }

    private static Launcher train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--batch-size", "16",
                "--verbose", "0", "--out", out.toString()));
        args.addAll(List.of(more));
        return Launcher.run(home, args.toArray(String[]::new));
    }

    private static void assertSucceeds(Launcher result) {
        assertEquals(0, result.exitCode, result::toString);
        assertEquals("", result.err, result::toString);
    }

    private static LoadedModel load(Path file) {
        return ModelArchive.load(file, REGISTRY, BuildContext.seeded(0));
    }

    /** history.csv without its seconds column, the one thing that differs between runs. */
    private static List<String> historyWithoutSeconds(Path run) throws IOException {
        return Files.readAllLines(run.resolve("history.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(',')))
                .toList();
    }

    @Test
    void aResumedRunIsTheUninterruptedRunBitForBit() throws IOException {
        List<String> history = historyWithoutSeconds(straight);
        assertEquals(5, history.size(), history::toString);
        assertEquals(history, historyWithoutSeconds(resumed));

        Sequential a = load(straight.resolve("model.zip")).model();
        Sequential b = load(resumed.resolve("model.zip")).model();
        for (int i = 0; i < a.weights().size(); i++) {
            Variable v = a.weights().get(i);
            assertArrayEquals(v.value().data, b.weights().get(i).value().data, v.path());
        }
        assertEquals(a.optimizer().iterations(), b.optimizer().iterations());
        a.optimizer().slots().forEach((name, slot) -> assertArrayEquals(slot.data, b.optimizer().slots().get(name).data, name));
        assertEquals(4, load(resumed.resolve("model.zip")).epoch());
    }

    @Test
    void theLastCheckpointIsTheLastEpochAndTheBestTheLowestValLoss() throws IOException {
        LoadedModel last = load(straight.resolve(Checkpointer.LAST));
        assertEquals(4, last.epoch());
        List<String> rows = Files.readAllLines(straight.resolve("history.csv"));
        int valLoss = Arrays.asList(rows.get(0).split(",")).indexOf("val_loss");
        Map<Integer, Double> byEpoch = rows.stream().skip(1).map(r -> r.split(","))
                .collect(Collectors.toMap(r -> Integer.parseInt(r[0]), r -> Double.parseDouble(r[valLoss])));
        int bestEpoch = byEpoch.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        LoadedModel best = load(straight.resolve(Checkpointer.BEST));
        assertEquals(bestEpoch, best.epoch(), byEpoch::toString);
        assertEquals(Map.of("monitor", "val_loss", "value", byEpoch.get(bestEpoch), "epoch", bestEpoch), last.state().get("best"));
    }

    @Test
    void withoutEpochsTheSavedRunsEpochsAreTrained() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(3);
        assertSucceeds(Launcher.run(home, "train", "--resume", run.toString(), "--verbose", "0"));
        assertEquals(3, load(run.resolve(Checkpointer.LAST)).epoch());
        assertEquals(historyWithoutSeconds(straight).subList(0, 4), historyWithoutSeconds(run));
    }

    @Test
    void aRunThatReachedItsEpochsIsLeftAsItIs() throws IOException {
        byte[] model = Files.readAllBytes(straight.resolve("model.zip"));
        Launcher done = Launcher.run(home, "train", "--resume", straight.toString(), "--verbose", "0");
        assertSucceeds(done);
        assertEquals(straight + " has already trained 4 epochs (--epochs 4): nothing to do; give a larger --epochs to train on\n",
                done.out);
        assertArrayEquals(model, Files.readAllBytes(straight.resolve("model.zip")));
    }

    @Test
    void optionsThatWouldMakeAnotherRunAreRejected() {
        Launcher.run(home, "train", "--resume", resumed.toString(), "--seed", "7", "--batch-size", "8").assertError(2, "--resume continues a run with its own settings: --seed, --batch-size cannot be given with it");
        Launcher.run(home, "train", "--resume", resumed.toString(), "--model", "no-bn").assertError(2, "--model");
        Launcher.run(home, "train", "--resume", resumed.toString(), "--out", "elsewhere").assertError(2, "--out");
    }

    @Test
    void aMissingFolderOrCheckpointIsAnErrorNamingIt() throws IOException {
        Path nowhere = home.resolve("nowhere");
        Launcher.run(home, "train", "--resume", nowhere.toString()).assertError(1, "--resume " + nowhere + ": no such folder");
        Path empty = Files.createDirectories(home.resolve("empty"));
        Launcher.run(home, "train", "--resume", empty.toString()).assertError(1, "--resume " + empty + ": no checkpoint " + empty.resolve(Checkpointer.LAST));
    }

    @Test
    void aCorruptOrTruncatedCheckpointIsAnErrorNamingIt() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(3);
        Path last = run.resolve(Checkpointer.LAST);
        byte[] whole = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOf(whole, whole.length / 2));
        Launcher.run(home, "train", "--resume", run.toString()).assertError(1, last.toString());
        Files.writeString(last, "not a zip at all");
        Launcher.run(home, "train", "--resume", run.toString()).assertError(1, last.toString());
    }

    @Test
    void aCheckpointWithoutItsProgressIsAnErrorNamingIt() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(3);
        Path last = run.resolve(Checkpointer.LAST);
        LoadedModel loaded = load(last);
        Map<String, Object> state = new LinkedHashMap<>(loaded.state());
        state.remove("history");
        ModelArchive.save(last, loaded.model(), state);
        Launcher.run(home, "train", "--resume", run.toString()).assertError(1, last + ": state.json", "'history'");
    }

    @Test
    void resumeRemovesEveryTemporaryFileAKillLeft() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(3);
        List<Path> temps = List.of(run.resolve(".history.csv4711.tmp"), run.resolve(".curves.png4711.tmp"),
                run.resolve(".model.zip4711.tmp"), run.resolve(".run.json4711.tmp"), run.resolve("checkpoints/.last.zip4711.tmp"),
                run.resolve("checkpoints/.best.zip4711.tmp"));
        for (Path temp : temps) {
            Files.writeString(temp, "half a file");
        }
        assertSucceeds(Launcher.run(home, "train", "--resume", run.toString(), "--verbose", "0"));
        for (Path temp : temps) {
            assertTrue(Files.notExists(temp), temp + " is left");
        }
    }

    /** Killed while model.zip or curves.png were written, after the last checkpoint: resume writes them from it. */
    @Test
    void aFinishedRunGetsBackTheOutputsAKillLeftMissing() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(2);
        Files.delete(run.resolve("model.zip"));
        Files.delete(run.resolve("curves.png"));
        Launcher done = Launcher.run(home, "train", "--resume", run.toString(), "--verbose", "0");
        assertSucceeds(done);
        assertTrue(done.out.contains("wrote the missing model.zip, curves.png from " + run.resolve(Checkpointer.LAST)), done::toString);
        assertTrue(Files.size(run.resolve("curves.png")) > 0);
        LoadedModel model = load(run.resolve("model.zip"));
        LoadedModel original = load(twoEpochs.resolve("model.zip"));
        assertEquals(2, model.epoch());
        for (int i = 0; i < original.model().weights().size(); i++) {
            Variable v = original.model().weights().get(i);
            assertArrayEquals(v.value().data, model.model().weights().get(i).value().data, v.path());
        }
    }

    @Test
    void anInvalidSettingInTheCheckpointNamesTheFileNotAnOption() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(3);
        Path last = saveSetting(run, "batch_size", 0);
        Launcher.run(home, "train", "--resume", run.toString())
                .assertError(1, last + ": state.json: run: 'batch_size' must be a positive number, got 0");
    }

    @Test
    void aRunFolderInUseIsRefused() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(3);
        try (RunFolder inUse = RunFolder.claimExisting(run, "test")) {
            Launcher.run(home, "train", "--resume", run.toString()).assertError(1, "--resume " + run, "another nn run is using this folder");
            Launcher.run(home, "train", "--data", data.toString(), "--out", run.toString(), "--overwrite")
                    .assertError(1, "--out " + run, "another nn run is using this folder");
        }
        assertEquals(3, historyWithoutSeconds(run).size(), "the run in use is untouched");
    }

    @Test
    void overwriteReplacesAFinishedRun() throws IOException {
        Path run = copyOfTwoEpochRunThatAskedFor(2);
        Files.writeString(run.resolve("checkpoints/.best.zip1.tmp"), "half");
        assertSucceeds(train(run, "--epochs", "1", "--overwrite"));
        assertEquals(1, load(run.resolve(Checkpointer.LAST)).epoch());
        assertEquals(2, historyWithoutSeconds(run).size());
        assertTrue(Files.notExists(run.resolve("checkpoints/.best.zip1.tmp")));
    }

    /** A copy of the two-epoch run's folder, its checkpoint's saved settings asking for {@code epochs}. */
    private static Path copyOfTwoEpochRunThatAskedFor(int epochs) throws IOException {
        Path run = Files.createTempDirectory(home, "two-epochs");
        try (var files = Files.walk(twoEpochs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = run.resolve(twoEpochs.relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        saveSetting(run, "epochs", epochs);
        return run;
    }

    /** Changes one of the run's settings saved in the run's last checkpoint; returns the checkpoint. */
    private static Path saveSetting(Path run, String key, Object value) {
        Path last = run.resolve(Checkpointer.LAST);
        LoadedModel loaded = load(last);
        Map<String, Object> state = new LinkedHashMap<>(loaded.state());
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = new LinkedHashMap<>((Map<String, Object>) state.get("run"));
        settings.put(key, value);
        state.put("run", settings);
        ModelArchive.save(last, loaded.model(), state);
        return last;
    }

    /** One line on stderr, starting "error: " and containing each of {@code expected}; exit code 1; no stack trace. */
}
