package nn.api;

/** Service interface: creates a {@link Metric} by name. */
public interface MetricProvider extends NamedProvider<Metric> {
}
