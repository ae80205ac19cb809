package nn.optim;

/** Provides {@link Adagrad} under the names {@code Adagrad} and {@code adagrad}. */
public final class AdagradProvider extends KerasOptimizerProvider {

    public AdagradProvider() {
        super("Adagrad", Adagrad::new);
    }
}
