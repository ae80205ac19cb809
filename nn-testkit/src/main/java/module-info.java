/**
 * The layer test kit: one harness that every layer, built-in or plugin, passes through
 * (after Keras's run_layer_test). Use it from a plugin's tests as a test dependency.
 */
module nn.testkit {
    requires transitive nn.api;
    requires org.junit.jupiter.api;

    exports nn.testkit;
}
