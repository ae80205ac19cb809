package nn.optim;

/** Provides {@link RMSprop} under the names {@code RMSprop} and {@code rmsprop}. */
public final class RMSpropProvider extends KerasOptimizerProvider {

    public RMSpropProvider() {
        super("RMSprop", RMSprop::new);
    }
}
