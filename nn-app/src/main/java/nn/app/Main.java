package nn.app;

import java.io.PrintStream;
import nn.app.commands.NnCommand;
import picocli.CommandLine;

/**
 * Entry point of the launcher: runs a subcommand and turns every failure, whatever throws it and
 * however it is wrapped, into one {@code error: } line ({@link ErrorLine}) and a non-zero exit code
 * (the stack trace only with {@code --debug}).
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
        commandLine.setParameterExceptionHandler((e, arguments) -> usageError(console.err(), e.getMessage(), e.getCommandLine()));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failed(console.err(), e, root.debug(), cmd));
        try {
            return commandLine.execute(args);
        } catch (Throwable e) { // Errors escape picocli's handler: a plugin's StackOverflowError, running out of memory
            return failed(console.err(), e, root.debug(), commandLine);
        }
    }

    private static int failed(PrintStream err, Throwable e, boolean debug, CommandLine command) {
        if (debug) {
            e.printStackTrace(err);
        }
        // the outermost one only: a file's bad value (a checkpoint's) wraps the BadOption but is no command-line error
        if (ErrorLine.find(e, nn.api.NnException.class).orElse(null) instanceof BadOption badOption) {
            return usageError(err, badOption.getMessage(), command);
        }
        err.println("error: " + ErrorLine.of(e));
        return 1;
    }

    private static int usageError(PrintStream err, String message, CommandLine command) {
        err.println("error: " + message);
        err.println("run '" + command.getCommandSpec().qualifiedName() + " --help' for the options");
        return 2;
    }
}
