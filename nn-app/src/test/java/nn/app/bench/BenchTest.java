package nn.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nn.app.Launcher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nn bench} end to end on tiny data: every figure is printed and saved. Its timings are not checked. */
class BenchTest {
    @TempDir
    Path home;

    @Test
    void printsAndSavesEveryFigure() throws IOException {
        Path data = TinyFashionMnist.write(home.resolve("data"), 64, 32);
        Path json = home.resolve("bench.json");
        Launcher bench = Launcher.run(home, "bench", "--data", data.toString(), "--batch-sizes", "16,32",
                "--thread-counts", "1,2", "--epochs", "1", "--kernels", "ejml", "--out", json.toString());
        assertEquals(0, bench.exitCode, bench::toString);
        assertTrue(bench.out.matches("(?s).*\n16 +1 +\\d+\\.\\d{3} .*\n16 +2 .*\n32 +1 .*\n32 +2 .*"), bench::toString);
        for (String line : new String[] {"inference, 1 thread: ", "inference, 2 threads: ", "launch to first batch: ",
                "peak heap: "}) {
            assertTrue(bench.out.contains(line), () -> line + " missing:\n" + bench);
        }
        String saved = Files.readString(json);
        for (String key : new String[] {"seconds_per_epoch", "\"inference\"", "samples_per_second", "peak_rss_bytes"}) {
            assertTrue(saved.contains(key), () -> key + " missing:\n" + saved);
        }
    }

    /** One factor at a time from width x1, batch 32, all images; training only, so no inference line. */
    @Test
    void growthTimesWidthsBatchesAndImageCounts() throws IOException {
        Path data = TinyFashionMnist.write(home.resolve("data"), 64, 32);
        Path json = home.resolve("growth.json");
        Launcher bench = Launcher.run(home, "bench", "--growth", "--data", data.toString(), "--thread-counts", "1",
                "--epochs", "1", "--kernels", "ejml", "--out", json.toString());
        assertEquals(0, bench.exitCode, bench::toString);
        assertTrue(bench.out.matches("(?s).*\n32 +1 +\\S+ +\\S+ +x1 .*\n32 +1 .* x2 .*\n32 +1 .* x4 .*"
                + "\n128 +1 .* x1 .*\n512 +1 .* x1 .*\n32 +1 .* x1 .*\n32 +1 .* x1 .*"), bench::toString);
        assertFalse(bench.out.contains("inference"), bench::toString);
        String saved = Files.readString(json);
        assertTrue(saved.contains("\"width_scale\" : 4") || saved.contains("\"width_scale\":4"), saved);
    }

    @Test
    void badListsAreNamed() {
        Launcher.run(home, "bench", "--batch-sizes", "32,x").assertError(2, "--batch-sizes must list positive numbers, got \"x\"");
        Launcher.run(home, "bench", "--thread-counts", "0").assertError(2, "--thread-counts must list positive numbers, got \"0\"");
    }
}
