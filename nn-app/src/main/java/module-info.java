/** The nn launcher. */
module nn.app {
    requires nn.api;
    requires nn.core;

    exports nn.app;
}
