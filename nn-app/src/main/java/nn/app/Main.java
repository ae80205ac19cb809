package nn.app;

import nn.api.NnException;
import picocli.CommandLine;

/**
 * Entry point of the launcher: runs a subcommand and turns every failure into a one-line error and
 * a non-zero exit code (the stack trace only with {@code --debug}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(Console.system(), args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 bad usage. */
    public static int run(Console console, String... args) {
        NnCommand root = new NnCommand(console);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new java.io.PrintWriter(console.out(), true));
        commandLine.setErr(new java.io.PrintWriter(console.err(), true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            console.err().println("error: " + e.getMessage());
            console.err().println("run 'nn " + e.getCommandLine().getCommandName() + " --help' for the options");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (root.debug()) {
                e.printStackTrace(console.err());
            }
            console.err().println("error: " + describe(e));
            return 1;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            if (root.debug()) {
                e.printStackTrace(console.err());
            }
            console.err().println("error: out of memory (" + e.getMessage() + ") with a heap limit of "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB: give the JVM more, e.g. NN_JAVA_OPTS=\"-Xmx8g\" ./nn ..., "
                    + "or use a smaller model or batch");
            return 1;
        }
    }

    private static String describe(Exception e) {
        Throwable t = e;
        while (!(t instanceof NnException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof NnException) {
            return t.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (run with --debug for the stack trace)";
    }
}
