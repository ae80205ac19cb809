package nn.api;

/** Service interface: creates a {@link Loss} by name. */
public interface LossProvider extends NamedProvider<Loss> {
}
