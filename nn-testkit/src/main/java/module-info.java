/**
 * The test kits: one harness each that every layer ({@code LayerTestKit}, after Keras's
 * run_layer_test), activation ({@code ActivationTestKit}) and optimizer ({@code OptimizerTestKit}),
 * built-in or plugin, passes through. Use it from a plugin's tests as a test dependency.
 */
module nn.testkit {
    requires transitive nn.api;
    requires org.junit.jupiter.api;

    exports nn.testkit;
}
