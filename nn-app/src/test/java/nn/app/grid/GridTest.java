package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The model's weights, as model.zip stores them. */
    static byte[] weights(Path run) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(run.resolve("model.zip").toFile())) {
            return zip.getInputStream(zip.getEntry("weights.bin")).readAllBytes();
        }
    }
}
