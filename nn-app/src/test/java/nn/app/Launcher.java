package nn.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the launcher in-process, as a user would from a shell, and keeps what it printed. */
public final class Launcher {
    public final int exitCode;
    public final String out;
    public final String err;

    private Launcher(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** {@code home} stands for NN_HOME, the folder of ./nn (and of its default plugins/ folder). */
    public static Launcher run(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, Map.of("NN_HOME", home.toString()));
        int code = Main.run(console, args);
        return new Launcher(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Asserts a failure as users must see it: exit code {@code exitCode}, an error line starting
     * "error: " that contains each of {@code parts} and no Java exception's class name, no stack trace;
     * for exit code 1 that line alone.
     */
    public void assertError(int exitCode, String... parts) {
        org.junit.jupiter.api.Assertions.assertEquals(exitCode, this.exitCode, this::toString);
        java.util.List<String> lines = err.lines().toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        org.junit.jupiter.api.Assertions.assertTrue(first.startsWith("error: "), this::toString);
        for (String part : parts) {
            org.junit.jupiter.api.Assertions.assertTrue(first.contains(part), () -> "'" + part + "' missing in: " + this);
        }
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("\tat "), () -> "a stack trace was printed: " + this);
        org.junit.jupiter.api.Assertions.assertFalse(first.matches(".*\\b\\w+(Exception|Error)\\b.*"),
                () -> "a Java class name in the error line: " + this);
        if (exitCode == 1) {
            org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(), () -> "more than one error line: " + this);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
