package nn.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** The command that runs the launcher in a JVM of its own, with the test JVM's java and module path. */
public final class OwnJvmLauncher {

    private OwnJvmLauncher() {
    }

    /** {@code java [jvmOptions] --module-path ... -m nn.app/nn.app.Main}; the launcher's arguments go after it. */
    public static List<String> command(String... jvmOptions) {
        String java = ProcessHandle.current().info().command().orElse(null);
        String modulePath = System.getProperty("jdk.module.path");
        if (java == null || modulePath == null) {
            fail("cannot start the launcher in a JVM of its own: java command = " + java + ", jdk.module.path = " + modulePath
                    + " (the test JVM must run on the module path)");
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("--module-path", modulePath, "--class-path", System.getProperty("java.class.path", ""),
                "-m", "nn.app/nn.app.Main"));
        return command;
    }
}
