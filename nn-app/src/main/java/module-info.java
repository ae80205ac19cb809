/**
 * The nn launcher: reads a model file or preset, wires the model, the dataset and the output
 * listeners from the discovered plugins with Guice, and runs the command (train, summary,
 * variables, evaluate, plugins). Plugin jars from a folder are loaded into their own module layer.
 *
 * <p>Packages by role: {@code nn.app} the entry point ({@code Main}), console and error line;
 * {@code nn.app.commands} each picocli command and its options; {@code nn.app.run} a training run
 * (its settings, folder, checkpoints, resume, evaluation); {@code nn.app.compare} {@code nn compare};
 * {@code nn.app.bench} {@code nn bench}; {@code nn.app.parallel} data-parallel training (the driver's
 * wiring and the workers' task); {@code nn.app.wiring} the Guice module and what it provides
 * (model factory, data, plugin sources); {@code nn.app.plugins} plugin jars; {@code nn.app.report}
 * CSV files, charts and tables.
 */
module nn.app {
    requires transitive nn.core;
    requires transitive nn.io;
    requires com.google.guice;
    requires jakarta.inject;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.knowm.xchart;
    requires java.desktop;
    requires java.management;

    // No other module uses the launcher's classes (java -m nn.app/nn.app.Main needs no export), but
    // Guice does: it constructs (@Inject) and provides (@Provides) in run and wiring through classes
    // it generates in the unnamed module (FastClassByGuice), which reach only exported packages.
    exports nn.app.run;
    exports nn.app.wiring;
    opens nn.app.run to com.google.guice;
    opens nn.app.wiring to com.google.guice;
    // A run of a grid or comparison, and a worker's round of data-parallel training, run wherever an
    // engine puts them, found there by name.
    provides nn.core.engine.RemoteTask with nn.app.grid.RunTask, nn.app.parallel.ShardTask;
    // picocli reads the commands' annotations and sets their fields.
    opens nn.app.commands to info.picocli;
}
