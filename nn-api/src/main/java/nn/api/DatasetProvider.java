package nn.api;

/** Service interface: creates a {@link Dataset} by name. */
public interface DatasetProvider extends NamedProvider<Dataset> {
}
