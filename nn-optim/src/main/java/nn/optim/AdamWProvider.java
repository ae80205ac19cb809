package nn.optim;

/** Provides {@link AdamW} under the names {@code AdamW} and {@code adamw}. */
public final class AdamWProvider extends KerasOptimizerProvider {

    public AdamWProvider() {
        super("AdamW", AdamW::new);
    }
}
