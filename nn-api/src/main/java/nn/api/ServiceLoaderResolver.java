package nn.api;

import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The resolver used when none is given: the activation providers that {@link ServiceLoader} finds
 * from nn.api (the boot module layer, or the class path).
 */
final class ServiceLoaderResolver implements Resolver {
    static final Resolver INSTANCE = new ServiceLoaderResolver();

    @Override
    public Activation activation(Object spec, String owner) {
        String name = KerasObject.className(spec, owner + ": an activation");
        Config config = Config.of(owner + " activation " + name, KerasObject.config(spec));
        TreeSet<String> known = new TreeSet<>();
        for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
            if (p.name().equals(name) || p.aliases().contains(name)) {
                return p.create(config);
            }
            known.add(NamedProvider.listing(p.name(), p.aliases()));
        }
        throw new NnException(owner + ": unknown activation '" + name + "'; known activations: " + String.join(", ", known));
    }
}
