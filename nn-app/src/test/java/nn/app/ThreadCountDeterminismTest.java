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

    /**
     * At batch 256 the work beyond the products is cut too: the first BatchNormalization's column
     * passes (256 x 300 floats), the ReLU layers' passes and the SGD step of the first kernel.
     */
    @Test
    void oneAndTwoThreadsTrainIdenticallyWhenPassesAndStepsAreCut() throws IOException {
        Path data = TinyFashionMnist.write(home.resolve("data"), 256, 64);
        assertEquals(train(data, "1", 256), train(data, "2", 256));
    }

    private List<String> train(Path data, String threads) throws IOException {
        return train(data, threads, 64);
    }

    /** history.csv without the seconds column, and the saved weights' bytes as text. */
    private List<String> train(Path data, String threads, int batchSize) throws IOException {
        Path out = home.resolve("threads-" + threads + "-batch-" + batchSize);
        Launcher run = Launcher.run(home, "train", "--data", data.toString(), "--epochs", "2", "--batch-size",
                String.valueOf(batchSize),
                "--kernels", "vector", "--threads", threads, "--out", out.toString(), "--verbose", "0");
        assertEquals(0, run.exitCode, run::toString);
        List<String> rows = Files.readAllLines(out.resolve("history.csv")).stream()
                .map(row -> row.substring(0, row.lastIndexOf(','))).toList();
        Path weights = home.resolve("weights-" + threads + "-batch-" + batchSize);
        try (var zip = new java.util.zip.ZipFile(out.resolve("model.zip").toFile())) {
            Files.write(weights, zip.getInputStream(zip.getEntry("weights.bin")).readAllBytes());
        }
        return java.util.stream.Stream.concat(rows.stream(),
                java.util.stream.Stream.of(java.util.HexFormat.of().formatHex(Files.readAllBytes(weights)))).toList();
    }
}
