package nn.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the launcher talks to: its output and error streams, whether output is a terminal (for the
 * live progress bar), the environment, and the launcher's home folder ({@code NN_HOME}).
 */
public record Console(PrintStream out, PrintStream err, boolean terminal, Map<String, String> env) {

    public static Console system() {
        return new Console(System.out, System.err, System.console() != null, System.getenv());
    }

    /** The folder of the {@code ./nn} launcher, which holds the default {@code plugins/} folder. */
    public Optional<Path> home() {
        return Optional.ofNullable(env.get("NN_HOME")).map(Path::of);
    }
}
