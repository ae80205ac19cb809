package nn.io.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nn.io.InteropClients;

/**
 * TensorFlow.js in Node.js, the independent client of the tfjs tests: the scripts and the pinned
 * packages in {@code nn-io/src/test/node} ({@code npm ci} there; {@code .ci/run} does it); see
 * {@link InteropClients} for what happens without them.
 */
final class NodeHarness {
    static final Path FOLDER = Path.of("src/test/node").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 5;

    private NodeHarness() {
    }

    /** Skips (or, when required, fails) the test unless node and the tfjs packages are installed. */
    static void requireInstalled() {
        String missing = null;
        if (!Files.isDirectory(FOLDER.resolve("node_modules/@tensorflow/tfjs-layers"))) {
            missing = "the tfjs packages are not installed: run npm ci in " + FOLDER;
        } else if (!nodeRuns()) {
            missing = "node (Node.js 18+) is not on the PATH";
        }
        InteropClients.require(missing);
    }

    private static boolean nodeRuns() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code node SCRIPT ARGS...} in the harness folder; its output on success, a failure with the output otherwise. */
    static String run(String script, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Path log = Files.createTempFile("node", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(command + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> command + " failed:\n" + output);
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
