package nn.app.plugins;

import java.nio.file.Path;
import java.util.Map;

/** Turns the JDK's module and service errors into messages that start with the jar at fault. */
final class PluginErrors {

    private PluginErrors() {
    }

    /**
     * The message, prefixed with the jar of the first word in it that is a key of {@code jarByName}
     * (a module or provider class name, which the JDK's messages quote), else with {@code fallback}.
     */
    static String blame(String message, Map<String, Path> jarByName, String fallback) {
        for (String word : message.split("[\\s,:]+")) {
            if (jarByName.containsKey(word)) {
                return jarByName.get(word) + ": " + message;
            }
        }
        return fallback + ": " + message;
    }

    /**
     * The message and, if there is one, the deepest cause's, e.g. what a provider's constructor threw
     * (its message only: users are not shown Java class names).
     */
    static String withRootCause(Throwable e) {
        Throwable root = rootCause(e);
        return root == e ? e.getMessage() : e.getMessage() + ": " + (root.getMessage() != null ? root.getMessage() : "no message");
    }

    /** The deepest cause: the JDK wraps the useful part, e.g. "Provider class x not in module". */
    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
