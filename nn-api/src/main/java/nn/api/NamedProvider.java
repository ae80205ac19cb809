package nn.api;

import java.util.List;

/**
 * Creates things of one kind by name from a configuration, the shape every plugin service has
 * (after DJL's engine providers). A plugin implements one of the sub-interfaces
 * ({@link LayerProvider}, {@link ActivationProvider}, ...) and declares it with
 * {@code provides ... with ...} in its module-info (and in {@code META-INF/services}).
 */
public interface NamedProvider<T> {

    /** The name a model file uses, e.g. {@code Dense}, {@code relu}, {@code SGD}. */
    String name();

    /** Other accepted spellings, e.g. {@code sgd} for {@code SGD}. */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * How a name and the aliases that find it are listed, in {@code nn plugins} and the "known ..."
     * part of errors: {@code AdamW (adamw)}, or the name alone.
     */
    static String listing(String name, List<String> aliases) {
        return aliases.isEmpty() ? name : name + " (" + String.join(", ", aliases) + ")";
    }

    /** Creates a new instance; errors name the provider, the key and the bad value. */
    T create(Config config);
}
