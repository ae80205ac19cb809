package nn.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import nn.app.report.ComparisonCsv;
import nn.app.report.ComparisonTable;
import nn.app.report.TrainingCurves;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nn compare} end to end, in-process, on tiny Fashion-MNIST files: the three presets, two seeds, twice. */
class CompareTest {
    private static final List<String> MODELS = List.of("bn-before", "bn-after", "no-bn");

    @TempDir
    static Path home;
    static Path data;
    static Path first;
    static Path second;
    static Launcher compared;
    static Launcher comparedAgain;

    @BeforeAll
    static void compareTwice() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 96, 40);
        first = home.resolve("first");
        second = home.resolve("second");
        compared = compare(first, "--verbose", "2");
        comparedAgain = compare(second, "--verbose", "0");
    }

    private static Launcher compare(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", data.toString(), "--epochs", "2", "--seeds", "1,2",
                "--batch-size", "16", "--limit", "64", "--out", out.toString()));
        args.addAll(Arrays.asList(extra));
        return Launcher.run(home, args.toArray(String[]::new));
    }

    @Test
    void eachRunIsAnnouncedThenShowsTrainsProgress() {
        assertEquals(0, compared.exitCode, compared::toString);
        assertEquals("", compared.err);
        List<String> headers = compared.out.lines().filter(line -> line.startsWith("== ")).toList();
        assertEquals(List.of("== bn-before, seed 1 (1/6) ==", "== bn-after, seed 1 (2/6) ==", "== no-bn, seed 1 (3/6) ==",
                "== bn-before, seed 2 (4/6) ==", "== bn-after, seed 2 (5/6) ==", "== no-bn, seed 2 (6/6) =="), headers);
        String firstRun = compared.out.substring(0, compared.out.indexOf("== bn-after"));
        assertTrue(firstRun.matches("(?s)== bn-before, seed 1 \\(1/6\\) ==\nnn train \\{model=bn-before, .*seed=1, .*"
                + "Epoch 1/2\n4/4 \\[=+\\] .* - val_accuracy: \\d\\.\\d{4}\nEpoch 2/2\n.*"), firstRun);
    }

    @Test
    void verboseZeroPrintsOnlyTheRunsAndTheTable() {
        assertEquals(0, comparedAgain.exitCode, comparedAgain::toString);
        List<String> lines = comparedAgain.out.lines().toList();
        assertEquals(6 + 1 + MODELS.size() + 1, lines.size(), comparedAgain::toString);
        assertEquals("wrote compare.csv and compare.png to " + second, lines.get(lines.size() - 1));
    }

    @Test
    void everyModelAndSeedHasTrainsOutputsInItsOwnFolder() throws IOException {
        for (String model : MODELS) {
            for (int seed = 1; seed <= 2; seed++) {
                Path run = first.resolve(model + "-seed" + seed);
                for (String file : List.of("run.json", "history.csv", "model.zip", "curves.png", "checkpoints/last.zip")) {
                    assertTrue(Files.size(run.resolve(file)) > 0, run + "/" + file);
                }
                String json = Files.readString(run.resolve("run.json"));
                assertTrue(json.contains("\"model\" : \"" + model + "\"") && json.contains("\"seed\" : " + seed + ","), json);
                assertEquals(3, Files.readAllLines(run.resolve("history.csv")).size());
            }
        }
    }

    @Test
    void compareCsvHasARowPerModelAndTheSameNumbersAsTheTable() throws IOException {
        List<String> csv = Files.readAllLines(first.resolve("compare.csv"));
        assertEquals("model,seeds,final_val_accuracy,best_val_accuracy,test_accuracy,first_epoch_val_accuracy_85,"
                + "first_epoch_val_accuracy_88,seconds_per_epoch,epoch_time_overhead_vs_no_bn_percent", csv.get(0));
        assertEquals(String.join(",", ComparisonCsv.header()), csv.get(0));
        assertEquals(1 + MODELS.size(), csv.size());
        List<String> table = tableLines(compared.out);
        for (int m = 0; m < MODELS.size(); m++) {
            String[] cells = csv.get(m + 1).split(",", -1);
            assertEquals(ComparisonCsv.header().size(), cells.length, csv.get(m + 1));
            assertEquals(MODELS.get(m), cells[0]);
            assertEquals("1 2", cells[1]);
            for (int c = 2; c <= 4; c++) {
                double accuracy = Double.parseDouble(cells[c]);
                assertTrue(accuracy >= 0 && accuracy <= 1, cells[c]);
            }
            assertTrue(Double.parseDouble(cells[7]) > 0, cells[7]);
            String row = table.get(m + 1);
            assertTrue(row.startsWith(MODELS.get(m) + " "), row);
            assertTrue(row.contains(String.format(Locale.ROOT, " %.4f ", Double.parseDouble(cells[2]))), row);
        }
        assertEquals("0.0", csv.get(3).split(",", -1)[8], "no-bn against itself");
    }

    @Test
    void theTableHasEveryColumnAligned() {
        List<String> table = tableLines(compared.out);
        assertEquals(1 + MODELS.size(), table.size());
        for (String heading : ComparisonTable.headings()) {
            assertTrue(table.get(0).contains(heading), () -> heading + " missing in " + table.get(0));
        }
        assertTrue(table.stream().allMatch(line -> line.length() == table.get(0).length()), () -> String.join("\n", table));
        assertTrue(table.get(3).endsWith("+0.0%"), table.get(3));
    }

    @Test
    void theSameSeedsGiveTheSameNumbers() throws IOException {
        assertEquals(withoutTimes(first.resolve("compare.csv")), withoutTimes(second.resolve("compare.csv")));
        assertEquals(withoutTimes(first.resolve("no-bn-seed2/history.csv")), withoutTimes(second.resolve("no-bn-seed2/history.csv")));
        assertNotEquals(withoutTimes(first.resolve("no-bn-seed1/history.csv")), withoutTimes(first.resolve("no-bn-seed2/history.csv")),
                "another seed, other numbers");
    }

    @Test
    void comparePngHasThreePanels() throws IOException {
        var image = ImageIO.read(first.resolve("compare.png").toFile());
        assertEquals(3 * TrainingCurves.PANEL_WIDTH, image.getWidth());
        assertEquals(TrainingCurves.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void aModelFileIsNamedAfterItsFileAndWithoutNoBnThereIsNoOverhead() throws IOException {
        Path file = Files.writeString(home.resolve("tiny-mlp.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Flatten", "config": {"batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]}}""");
        Path out = home.resolve("file");
        Launcher result = Launcher.run(home, "compare", "--data", data.toString(), "--epochs", "1", "--seeds", "7",
                "--models", "bn-after," + file, "--out", out.toString(), "--verbose", "0");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.out.contains("== tiny-mlp, seed 7 (2/2) ==\n"), result::toString);
        assertTrue(Files.exists(out.resolve("tiny-mlp-seed7/model.zip")));
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertTrue(csv.get(2).startsWith("tiny-mlp,7,"), csv.get(2));
        assertTrue(csv.get(2).endsWith(","), "no overhead without no-bn: " + csv.get(2));
        assertTrue(tableLines(result.out).get(2).endsWith(" -"), result::toString);
    }

    @Test
    void aRunThatFailsIsNamedInTheError() throws IOException {
        Path file = Files.writeString(home.resolve("explodes.json"), """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Flatten", "config": {"batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Dense", "config": {"units": 32, "activation": "relu"}},
                  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]},
                 "training_config": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
                   "optimizer_config": {"class_name": "SGD", "config": {"learning_rate": 1e30}}}}""");
        Launcher.run(home, "compare", "--models", file.toString(), "--seeds", "5", "--epochs", "3", "--verbose", "0",
                "--data", data.toString(), "--out", home.resolve("nan").toString())
                .assertError(1, "explodes, seed 5: ", "the loss became");
    }

    /** The table: from its heading line to before the closing "wrote ..." line. */
    private static List<String> tableLines(String out) {
        List<String> lines = out.lines().toList();
        int heading = lines.indexOf(lines.stream().filter(line -> line.startsWith("model ")).findFirst().orElseThrow());
        return lines.subList(heading, lines.size() - 1);
    }

    /** The CSV without its time columns (the last two of compare.csv, the last of history.csv). */
    private static List<String> withoutTimes(Path csv) throws IOException {
        boolean comparison = csv.getFileName().toString().equals("compare.csv");
        return Files.readAllLines(csv).stream().map(line -> {
            List<String> cells = List.of(line.split(",", -1));
            return String.join(",", cells.subList(0, cells.size() - (comparison ? 2 : 1)));
        }).toList();
    }

    /** A comparison stopped part way continues in its folder: finished runs are read back, the others trained again. */
    @Test
    void aResumedComparisonTrainsOnlyTheRunsThatHadNotFinished() throws IOException {
        Path folder = home.resolve("resumed");
        List<String> args = new ArrayList<>(List.of("compare", "--data", data.toString(), "--epochs", "2", "--models", "bn-before,no-bn",
                "--seeds", "3", "--batch-size", "16", "--limit", "64", "--out", folder.toString(), "--verbose", "0"));
        Launcher compare = Launcher.run(home, args.toArray(String[]::new));
        assertEquals(0, compare.exitCode, compare::toString);
        List<String> before = withoutTimes(folder.resolve("compare.csv"));
        Files.delete(folder.resolve("no-bn-seed3").resolve("model.zip"));
        Files.delete(folder.resolve("compare.csv"));
        args.add("--resume");
        Launcher resumed = Launcher.run(home, args.toArray(String[]::new));
        assertEquals(0, resumed.exitCode, resumed::toString);
        assertTrue(resumed.out.contains("1 of 2 runs had finished, 1 to train"), resumed::toString);
        assertEquals(before, withoutTimes(folder.resolve("compare.csv")));
    }
}
