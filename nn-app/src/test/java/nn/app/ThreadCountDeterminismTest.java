package nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same training, bit for bit, whatever the thread count: the vector
 * kernels split each product's output in fixed blocks and keep each element's order of operations.
 * Batches of 64 make the first layer's products big enough to be split.
 */
class ThreadCountDeterminismTest {
    @TempDir
    Path home;

    @Test
    void oneAndTwoThreadsTrainIdentically() throws IOException {
        Path data = TinyFashionMnist.write(home.resolve("data"), 256, 64);
        List<String> one = train(data, "1");
        List<String> two = train(data, "2");
        assertEquals(one, two);
    }

    /** history.csv without the seconds column, and the saved weights' bytes as text. */
    private List<String> train(Path data, String threads) throws IOException {
        Path out = home.resolve("threads-" + threads);
        Launcher run = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "2", "--batch-size", "64",
                "--kernels", "vector", "--threads", threads, "--out", out.toString(), "--verbose", "0");
        assertEquals(0, run.exitCode, run::toString);
        List<String> rows = Files.readAllLines(out.resolve("history.csv")).stream()
                .map(row -> row.substring(0, row.lastIndexOf(','))).toList();
        Path weights = home.resolve("weights-" + threads);
        try (var zip = new java.util.zip.ZipFile(out.resolve("model.zip").toFile())) {
            Files.write(weights, zip.getInputStream(zip.getEntry("weights.bin")).readAllBytes());
        }
        return java.util.stream.Stream.concat(rows.stream(),
                java.util.stream.Stream.of(java.util.HexFormat.of().formatHex(Files.readAllBytes(weights)))).toList();
    }
}
