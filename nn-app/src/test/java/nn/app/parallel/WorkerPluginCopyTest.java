package nn.app.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nn.app.BadPlugins;
import nn.app.OwnJvmLauncher;
import nn.app.TinyFashionMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers' copy of the plugin jars ({@code nn-plugins-*} in the temporary folder) is gone once
 * the JVM that loaded it ends: a data-parallel run with plugins, in a JVM of its own whose
 * temporary folder the test watches.
 */
class WorkerPluginCopyTest {

    @TempDir
    Path home;

    @Test
    void theWorkersCopyOfThePluginJarsDoesNotOutliveTheRun() throws Exception {
        Path data = TinyFashionMnist.write(home.resolve("data"), 32, 8);
        Path plugins = BadPlugins.folder(home, "fine", "return \"fine\";", "return this;");
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        List<String> command = new ArrayList<>(OwnJvmLauncher.command("-Djava.io.tmpdir=" + tmp));
        command.addAll(List.of("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "16", "--verbose", "0",
                "--workers", "2", "--plugins", plugins.toString(), "--out", home.resolve("run").toString()));
        Path log = home.resolve("run.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run did not end in 60 s");
        assertEquals(0, process.exitValue(), () -> read(log));
        assertEquals(List.of(), pluginCopies(tmp));
    }

    private static List<Path> pluginCopies(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("nn-plugins-")).toList();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
