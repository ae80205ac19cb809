package nn.api;

/** Service interface: creates a {@link Activation} by name. */
public interface ActivationProvider extends NamedProvider<Activation> {
}
