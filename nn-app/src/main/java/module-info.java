/**
 * The nn launcher: reads a model file or preset, wires the model, the dataset and the output
 * listeners from the discovered plugins with Guice, and runs the command (train, summary,
 * variables, evaluate, plugins). Plugin jars from a folder are loaded into their own module layer.
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

    exports nn.app;
    exports nn.app.plugins;
    exports nn.app.report;

    opens nn.app to com.google.guice, info.picocli;
}
