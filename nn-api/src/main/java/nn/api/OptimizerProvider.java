package nn.api;

/** Service interface: creates a {@link Optimizer} by name. */
public interface OptimizerProvider extends NamedProvider<Optimizer> {
}
