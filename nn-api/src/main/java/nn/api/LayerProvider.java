package nn.api;

/** Service interface: creates a {@link Layer} by name. */
public interface LayerProvider extends NamedProvider<Layer> {
}
