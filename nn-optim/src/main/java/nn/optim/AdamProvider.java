package nn.optim;

/** Provides {@link Adam} under the names {@code Adam} and {@code adam}. */
public final class AdamProvider extends KerasOptimizerProvider {

    public AdamProvider() {
        super("Adam", Adam::new);
    }
}
