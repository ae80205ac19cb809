package nn.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;
import nn.api.Activation;
import nn.api.ActivationProvider;
import nn.api.Config;
import nn.api.Dataset;
import nn.api.DatasetProvider;
import nn.api.KerasObject;
import nn.api.Layer;
import nn.api.LayerProvider;
import nn.api.Loss;
import nn.api.LossProvider;
import nn.api.Metric;
import nn.api.MetricProvider;
import nn.api.NamedProvider;
import nn.api.Optimizer;
import nn.api.OptimizerProvider;
import nn.api.Resolver;

/**
 * Every provider that is found (on the module path, in a plugin {@link ModuleLayer}, or on the class
 * path), by kind and name. Creates layers, activations, optimizers, losses, metrics and datasets by
 * name, and resolves the names their configurations refer to against itself, so plugins can use
 * each other.
 */
public final class PluginRegistry implements Resolver {
    private final Catalog<LayerProvider> layers;
    private final Catalog<ActivationProvider> activations;
    private final Catalog<OptimizerProvider> optimizers;
    private final Catalog<LossProvider> losses;
    private final Catalog<MetricProvider> metrics;
    private final Catalog<DatasetProvider> datasets;

    private PluginRegistry(Function<Class<? extends NamedProvider<?>>, List<? extends NamedProvider<?>>> finder) {
        this.layers = new Catalog<>("layer", cast(finder.apply(LayerProvider.class)));
        this.activations = new Catalog<>("activation", cast(finder.apply(ActivationProvider.class)));
        this.optimizers = new Catalog<>("optimizer", cast(finder.apply(OptimizerProvider.class)));
        this.losses = new Catalog<>("loss", cast(finder.apply(LossProvider.class)));
        this.metrics = new Catalog<>("metric", cast(finder.apply(MetricProvider.class)));
        this.datasets = new Catalog<>("dataset", cast(finder.apply(DatasetProvider.class)));
    }

    /** The providers visible to nn.core: the boot module layer, or the class path. */
    public static PluginRegistry discover() {
        return new PluginRegistry(type -> ServiceLoader.load(type).stream().<NamedProvider<?>>map(p -> p.get()).toList());
    }

    /** The providers in {@code layer} and its parents, e.g. a layer holding plugin jars. */
    public static PluginRegistry discover(ModuleLayer layer) {
        return new PluginRegistry(type -> ServiceLoader.load(layer, type).stream().<NamedProvider<?>>map(p -> p.get()).toList());
    }

    /**
     * On the class path, where modules' {@code provides} count for nothing: the providers listed in
     * {@code META-INF/services} that {@code loader} sees, and {@code declared} (e.g. read from plugin
     * jars' module descriptors) unless listed there too.
     */
    public static PluginRegistry discover(ClassLoader loader, List<? extends NamedProvider<?>> declared) {
        return new PluginRegistry(type -> {
            List<NamedProvider<?>> found = new ArrayList<>(ServiceLoader.load(type, loader).stream()
                    .<NamedProvider<?>>map(p -> p.get()).toList());
            java.util.Set<String> listed = new java.util.HashSet<>(found.stream().map(p -> p.getClass().getName()).toList());
            declared.stream().filter(type::isInstance).filter(p -> !listed.contains(p.getClass().getName())).forEach(found::add);
            return found;
        });
    }

    /** Exactly these providers (each sorted into its kind by the interfaces it implements): for tests and embedding. */
    public static PluginRegistry of(NamedProvider<?>... providers) {
        return new PluginRegistry(type -> Stream.of(providers).filter(type::isInstance).toList());
    }

    @SuppressWarnings("unchecked")
    private static <P> List<P> cast(List<? extends NamedProvider<?>> providers) {
        return (List<P>) new ArrayList<>(providers);
    }

    public Catalog<LayerProvider> layers() {
        return layers;
    }

    public Catalog<ActivationProvider> activations() {
        return activations;
    }

    public Catalog<OptimizerProvider> optimizers() {
        return optimizers;
    }

    public Catalog<LossProvider> losses() {
        return losses;
    }

    public Catalog<MetricProvider> metrics() {
        return metrics;
    }

    public Catalog<DatasetProvider> datasets() {
        return datasets;
    }

    public Layer layer(String name, Map<String, ?> config) {
        return layers.get(name).create(config("layer " + name, config));
    }

    public Optimizer optimizer(String name, Map<String, ?> config) {
        return optimizers.get(name).create(config("optimizer " + name, config));
    }

    public Loss loss(String name, Map<String, ?> config) {
        return losses.get(name).create(config("loss " + name, config));
    }

    public Metric metric(String name) {
        return metrics.get(name).create(config("metric " + name, Map.of()));
    }

    public Dataset dataset(String name, Map<String, ?> config) {
        return datasets.get(name).create(config("dataset " + name, config));
    }

    @Override
    public Activation activation(Object spec, String owner) {
        String name = KerasObject.className(spec, owner + ": an activation");
        return activations.get(name, owner).create(config(owner + " activation " + name, KerasObject.config(spec)));
    }

    /** Name clashes between providers, one line each. */
    public List<String> clashes() {
        return Stream.of(layers, activations, optimizers, losses, metrics, datasets)
                .flatMap(c -> c.clashes().stream()).toList();
    }

    private Config config(String owner, Map<String, ?> values) {
        return Config.of(owner, values).withResolver(this);
    }
}
