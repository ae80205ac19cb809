package nn.app;

import java.util.Locale;
import java.util.Optional;
import nn.api.NnException;

/**
 * Any failure as the one line a user reads after {@code error: }: the message of the
 * {@link NnException} it holds, whatever wraps it (Guice's ProvisionException and
 * CreationException, reflection, class initialization); otherwise what went wrong in words (running
 * out of memory or threads, a stack overflow, a plugin's bug), naming the plugin module whose code
 * failed. Never a Java class name.
 */
public final class ErrorLine {
    /** Modules whose frames are not a plugin's: the JDK, nn itself and its libraries. */
    private static final java.util.List<String> NOT_PLUGINS = java.util.List.of("java.", "jdk.", "sun.", "nn.",
            "com.google.", "info.picocli", "com.fasterxml.", "org.knowm.", "org.ejml", "ejml.", "jakarta.");

    private ErrorLine() {
    }

    /** The one line a failure is reported with (without the {@code error: } prefix). */
    public static String of(Throwable failure) {
        Optional<NnException> known = find(failure, NnException.class);
        if (known.isPresent()) {
            return known.get().getMessage();
        }
        Throwable root = root(failure);
        String where = pluginFrame(root).map(frame -> "plugin module " + frame.getModuleName() + " failed in "
                + frame.getClassName() + "." + frame.getMethodName() + ": ").orElse("");
        if (root instanceof OutOfMemoryError && String.valueOf(root.getMessage()).contains("native thread")) {
            return where + "cannot start another thread (the system's limit is reached): give fewer --threads";
        }
        if (root instanceof OutOfMemoryError) {
            return where + "out of memory (" + root.getMessage() + ") with a heap limit of "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB: give the JVM more, e.g. NN_JAVA_OPTS=\"-Xmx8g\" ./nn ..., "
                    + "or use a smaller model or batch";
        }
        if (root instanceof StackOverflowError) {
            return where + "stack overflow (a recursion too deep) (run with --debug for the stack trace)";
        }
        String what = words(root) + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return (where.isEmpty() ? "unexpected " : where) + what + " (run with --debug for the stack trace)";
    }

    /** The outermost {@code type} in the chain of causes. */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The first frame of plugin code: where the failure happened, or called what failed. */
    private static Optional<StackTraceElement> pluginFrame(Throwable root) {
        for (StackTraceElement frame : root.getStackTrace()) {
            String module = frame.getModuleName();
            if (module != null && NOT_PLUGINS.stream().noneMatch(module::startsWith)) {
                return Optional.of(frame);
            }
        }
        return Optional.empty();
    }

    /** {@code IllegalStateException} is "illegal state", {@code StackOverflowError} "stack overflow". */
    static String words(Throwable t) {
        String name = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isBlank() ? "failure" : spaced;
    }
}
