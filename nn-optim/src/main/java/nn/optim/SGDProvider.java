package nn.optim;

/** Provides {@link SGD} under the names {@code SGD} and {@code sgd}. */
public final class SGDProvider extends KerasOptimizerProvider {

    public SGDProvider() {
        super("SGD", SGD::new);
    }
}
