package nn.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nn.api.NamedProvider;
import nn.app.wiring.AppModule;
import nn.app.wiring.PluginSources;
import nn.core.Catalog;
import nn.core.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nn plugins}: every layer, activation, optimizer, loss, metric and dataset found, with its aliases and where it comes from. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List every discovered layer, activation, optimizer, loss, metric and dataset.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Folder of plugin jars (default: $NN_PLUGINS, else plugins/ beside the launcher).")
    private Path plugins;

    @Override
    public Integer call() {
        ModelOptions options = new ModelOptions();
        options.model = "bn-before";
        options.engine.plugins = plugins;
        var injector = AppModule.injector(options.toRunConfig(), parent.console());
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        PluginSources sources = injector.getInstance(PluginSources.class);
        var out = parent.console().out();
        print(out, "layer", registry.layers(), sources);
        print(out, "activation", registry.activations(), sources);
        print(out, "optimizer", registry.optimizers(), sources);
        print(out, "loss", registry.losses(), sources);
        print(out, "metric", registry.metrics(), sources);
        print(out, "dataset", registry.datasets(), sources);
        registry.clashes().forEach(c -> out.println("note: " + c));
        return 0;
    }

    private static <P extends NamedProvider<?>> void print(PrintStream out, String kind, Catalog<P> catalog,
            PluginSources sources) {
        for (Catalog.Entry<P> e : catalog.entries()) {
            out.printf("%-11s %-42s %s%n", kind, NamedProvider.listing(e.name(), catalog.aliases(e)),
                    sources.describe(e.origin()));
        }
    }
}
