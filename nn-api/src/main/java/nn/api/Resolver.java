package nn.api;

/**
 * Resolves the names a configuration refers to, e.g. Dense's {@code activation: "relu"}, against
 * the providers that are known where the configuration is used. The plugin registry passes itself,
 * so a layer can name an activation that a plugin jar provides.
 */
public interface Resolver {

    /**
     * @param spec   a name ({@code "relu"}) or a Keras object ({@code {"class_name": "relu", "config": {}}})
     * @param owner  what refers to it, for errors: {@code "layer dense"}
     */
    Activation activation(Object spec, String owner);
}
