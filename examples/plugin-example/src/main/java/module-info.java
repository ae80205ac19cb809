/**
 * An nn plugin: a layer with weights ({@code GatedLinearUnit}), an activation ({@code mish}) and
 * an optimizer ({@code Lion}). nn finds them with {@link java.util.ServiceLoader} through the
 * {@code provides} clauses below; nothing needs to be exported for that.
 */
module example.plugin {
    requires nn.api;

    provides nn.api.LayerProvider with example.plugin.GatedLinearUnitProvider;
    provides nn.api.ActivationProvider with example.plugin.Mish;
    provides nn.api.OptimizerProvider with example.plugin.LionProvider;
}
