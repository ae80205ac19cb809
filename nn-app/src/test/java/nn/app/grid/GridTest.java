package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nn.app.BadPlugins;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nn grid} end to end, in-process, on tiny Fashion-MNIST files. */
class GridTest {
    @TempDir
    static Path home;
    static Path data;
    static Path out;
    static Launcher grid;

    @BeforeAll
    static void runGrid() throws IOException {
        data = TinyFashionMnist.write(home.resolve("data"), 96, 40);
        Path spec = Files.writeString(home.resolve("spec.json"),
                "{\"models\": [\"bn-before\", \"no-bn\"], \"learning_rate\": [0.01, 0.5], \"seeds\": [1], \"epochs\": 2, \"limit\": 64,"
                        + " \"batch_size\": 16}");
        out = home.resolve("grid");
        grid = Launcher.run(home, "grid", "--spec", spec.toString(), "--data", data.toString(), "--out", out.toString(),
                "--verbose", "0");
    }

    @Test
    void everyRunHasItsFolderAndTheTableIsSortedByValidationLoss() throws IOException {
        assertEquals(0, grid.exitCode, grid::toString);
        for (String run : List.of("bn-before_learning_rate=0.01_seed1", "bn-before_learning_rate=0.5_seed1",
                "no-bn_learning_rate=0.01_seed1", "no-bn_learning_rate=0.5_seed1")) {
            for (String file : List.of("run.json", "history.csv", "model.zip", "curves.png")) {
                assertTrue(Files.exists(out.resolve(run).resolve(file)), run + "/" + file);
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("grid.csv"));
        assertEquals(String.join(",", GridReport.HEADER), csv.get(0));
        assertEquals(5, csv.size());
        double previous = Double.NEGATIVE_INFINITY;
        for (String row : csv.subList(1, csv.size())) {
            double valLoss = Double.parseDouble(row.split(",")[10]);
            assertTrue(valLoss >= previous, csv::toString);
            previous = valLoss;
        }
        String best = csv.get(1).split(",")[0];
        assertTrue(grid.out.contains("best: " + best + "; wrote grid.csv"), grid.out);
        assertTrue(grid.out.contains("== no-bn_learning_rate=0.5_seed1 (4/4) =="), grid.out);
    }

    @Test
    void aRunOfTheGridIsTheSameAsThatRunTrainedAlone() throws IOException {
        Path alone = home.resolve("alone");
        Launcher train = Launcher.run(home, "train", "--model", "no-bn", "--learning-rate", "0.5", "--seed", "1", "--epochs", "2",
                "--limit", "64", "--batch-size", "16", "--data", data.toString(), "--out", alone.toString(), "--verbose", "0");
        assertEquals(0, train.exitCode, train::toString);
        assertArrayEquals(weights(alone), weights(out.resolve("no-bn_learning_rate=0.5_seed1")));
        assertEquals(Files.readAllLines(alone.resolve("history.csv")).get(2).replaceAll(",[^,]*$", ""),
                Files.readAllLines(out.resolve("no-bn_learning_rate=0.5_seed1").resolve("history.csv")).get(2).replaceAll(",[^,]*$", ""));
    }

    /** A run that fails while it trains leaves the others' folders and a grid.csv of the finished runs. */
    @Test
    void aRunFailingWhileItTrainsLeavesTheTableOfTheFinishedRuns() throws IOException {
        Path plugins = BadPlugins.folder(home, "late", "return \"late\";", """
                return new Activation() {
                    private int calls;
                    @Override public String name() { return "late"; }
                    @Override public void forward(FMatrixRMaj x, FMatrixRMaj y) {
                        if (++calls > 10) { throw new IllegalStateException("gave up while training"); }
                        y.setTo(x);
                    }
                    @Override public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) { dx.setTo(dy); }
                };""");
        Path spec = Files.writeString(home.resolve("late.json"),
                "{\"activation\": [\"late\", \"relu\"], \"seeds\": [1], \"epochs\": 2, \"limit\": 64, \"batch_size\": 16}");
        Path partial = home.resolve("partial");
        Launcher run = Launcher.run(home, "grid", "--spec", spec.toString(), "--data", data.toString(), "--plugins", plugins.toString(),
                "--out", partial.toString(), "--verbose", "0");
        run.assertError(1, "bn-before_activation=late_seed1: ", "gave up while training",
                "(the finished run is written to its folder)");
        List<String> csv = Files.readAllLines(partial.resolve("grid.csv"));
        assertEquals(2, csv.size(), csv::toString);
        assertTrue(csv.get(1).startsWith("bn-before_activation=relu_seed1,"), csv::toString);
        assertTrue(Files.exists(partial.resolve("bn-before_activation=relu_seed1").resolve("model.zip")));
        assertTrue(run.out.contains("wrote grid.csv of the finished run and its folder to "), run::toString);
    }

    /** A grid stopped part way continues in its folder: finished runs are read back, the others trained again. */
    @Test
    void aResumedGridTrainsOnlyTheRunsThatHadNotFinished() throws IOException {
        Path spec = Files.writeString(home.resolve("resume.json"),
                "{\"models\": [\"bn-before\", \"no-bn\"], \"seeds\": [3], \"epochs\": 2, \"limit\": 64, \"batch_size\": 16}");
        Path folder = home.resolve("resumed");
        String[] command = {"grid", "--spec", spec.toString(), "--data", data.toString(), "--out", folder.toString(), "--verbose", "0"};
        assertEquals(0, Launcher.run(home, command).exitCode);
        List<String> before = withoutSeconds(folder.resolve("grid.csv"));
        byte[] weights = weights(folder.resolve("no-bn_seed3"));
        Files.delete(folder.resolve("no-bn_seed3").resolve("model.zip"));
        Files.delete(folder.resolve("grid.csv"));

        Launcher resumed = Launcher.run(home, withResume(command));
        assertEquals(0, resumed.exitCode, resumed::toString);
        assertTrue(resumed.out.contains("1 of 2 runs had finished, 1 to train (1 from their checkpoints)"), resumed::toString);
        assertEquals(before, withoutSeconds(folder.resolve("grid.csv")));
        assertArrayEquals(weights, weights(folder.resolve("no-bn_seed3")));

        Launcher again = Launcher.run(home, withResume(command));
        assertTrue(again.out.contains("2 of 2 runs had finished, 0 to train (0 from their checkpoints)"), again::toString);
        assertEquals(before, withoutSeconds(folder.resolve("grid.csv")));
    }

    /** Runs stopped part way (here: trained 1 of 2 epochs) go on from their checkpoints to the bits of uninterrupted runs. */
    @Test
    void resumedRunsGoOnFromTheirCheckpoints() throws IOException {
        Path oneEpoch = Files.writeString(home.resolve("one.json"),
                "{\"models\": [\"bn-before\", \"no-bn\"], \"seeds\": [4], \"epochs\": 1, \"limit\": 64, \"batch_size\": 16}");
        Path twoEpochs = Files.writeString(home.resolve("two.json"),
                "{\"models\": [\"bn-before\", \"no-bn\"], \"seeds\": [4], \"epochs\": 2, \"limit\": 64, \"batch_size\": 16}");
        Path stopped = home.resolve("stopped");
        Path straight = home.resolve("straight");
        assertEquals(0, Launcher.run(home, "grid", "--spec", oneEpoch.toString(), "--data", data.toString(), "--out",
                stopped.toString(), "--verbose", "0").exitCode);
        Launcher resumed = Launcher.run(home, "grid", "--spec", twoEpochs.toString(), "--data", data.toString(), "--out",
                stopped.toString(), "--verbose", "0", "--resume");
        Launcher uninterrupted = Launcher.run(home, "grid", "--spec", twoEpochs.toString(), "--data", data.toString(), "--out",
                straight.toString(), "--verbose", "0");
        assertEquals(0, resumed.exitCode, resumed::toString);
        assertTrue(resumed.out.contains("0 of 2 runs had finished, 2 to train (2 from their checkpoints)"), resumed::toString);
        assertEquals(withoutSeconds(straight.resolve("grid.csv")), withoutSeconds(stopped.resolve("grid.csv")));
        for (String run : List.of("bn-before_seed4", "no-bn_seed4")) {
            assertArrayEquals(weights(straight.resolve(run)), weights(stopped.resolve(run)), run);
            assertEquals(3, Files.readAllLines(stopped.resolve(run).resolve("history.csv")).size(), run);
        }
    }

    @Test
    void resumeNeedsAnExistingFolderAndNoOverwrite() {
        Path spec = home.resolve("spec.json");
        Launcher.run(home, "grid", "--spec", spec.toString(), "--resume").assertError(2, "--resume needs the folder to continue in as --out");
        Launcher.run(home, "grid", "--spec", spec.toString(), "--out", home.resolve("x").toString(), "--resume", "--overwrite")
                .assertError(2, "--resume cannot go with --overwrite");
        Launcher.run(home, "grid", "--spec", spec.toString(), "--data", data.toString(), "--out", home.resolve("none").toString(),
                "--resume").assertError(1, "--out " + home.resolve("none") + ": no such folder");
    }

    private static String[] withResume(String[] command) {
        String[] resumed = Arrays.copyOf(command, command.length + 1);
        resumed[command.length] = "--resume";
        return resumed;
    }

    /** grid.csv without its last column, the seconds an epoch, which differ between any two runs. */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(row -> row.substring(0, row.lastIndexOf(','))).toList();
    }

    /** The model's weights, as model.zip stores them. */
    static byte[] weights(Path run) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(run.resolve("model.zip").toFile())) {
            return zip.getInputStream(zip.getEntry("weights.bin")).readAllBytes();
        }
    }
}
