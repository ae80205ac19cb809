package nn.app.commands;

import java.util.concurrent.Callable;
import nn.app.wiring.AppModule;
import nn.app.wiring.ModelFactory;
import nn.core.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code nn summary}: the Keras summary table of a model. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print the Keras summary table of a model.")
final class SummaryCommand implements Callable<Integer> {

    @ParentCommand
    private NnCommand parent;

    @Mixin
    private ModelOptions model;

    @Override
    public Integer call() {
        var injector = AppModule.injector(model.toRunConfig(), parent.console());
        try (Sequential built = injector.getInstance(ModelFactory.class).build()) {
            parent.console().out().print(built.summary());
        }
        return 0;
    }
}
