package nn.app.commands;

import nn.app.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code nn}: the launcher's top command, which only holds the subcommands and global options. */
@Command(name = "nn", mixinStandardHelpOptions = true, version = "nn 0.1.0",
        description = "Build, train and inspect neural networks in plain Java (Keras conventions).",
        subcommands = {TrainCommand.class, CompareCommand.class, GridCommand.class, SummaryCommand.class, VariablesCommand.class,
                EvaluateCommand.class, ExportCommand.class, PluginsCommand.class, BenchCommand.class})
public final class NnCommand implements java.util.concurrent.Callable<Integer> {
    private final Console console;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    public NnCommand(Console console) {
        this.console = console;
    }

    Console console() {
        return console;
    }

    public boolean debug() {
        return debug;
    }

    @Override
    public Integer call() {
        console.err().println("error: give a command: train, compare, summary, variables, evaluate, export, plugins or bench (nn --help)");
        return 2;
    }
}
