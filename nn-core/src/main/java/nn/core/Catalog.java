package nn.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nn.api.NamedProvider;
import nn.api.NnException;

/**
 * The providers of one kind (layers, optimizers, ...) by name. When two providers claim a name,
 * the built-in one (from an {@code nn.*} module) wins, otherwise the first by module name; the other
 * stays reachable by its qualified name {@code module/Name}, and the clash is reported.
 */
public final class Catalog<P extends NamedProvider<?>> {
    private final String kind;
    private final List<Entry<P>> entries;
    private final Map<String, Entry<P>> byName = new LinkedHashMap<>();
    private final List<String> clashes = new ArrayList<>();

    /** A provider, the module (or jar) it comes from, and the aliases it declares. */
    public record Entry<P>(String name, String origin, P provider, List<String> aliases) {

        public String qualifiedName() {
            return origin + "/" + name;
        }

        boolean builtIn() {
            return SavedNames.isBuiltIn(provider.getClass());
        }
    }

    Catalog(String kind, List<P> providers) {
        this.kind = kind;
        this.entries = providers.stream()
                .map(p -> new Entry<>(nameOf(p), PluginOrigin.of(p.getClass()), p, aliasesOf(p)))
                .sorted(Comparator.comparing((Entry<P> e) -> !e.builtIn()).thenComparing(Entry::origin)
                        .thenComparing(e -> e.provider().getClass().getName()))
                .toList();
        for (Entry<P> e : entries) {
            claim(e.name(), e);
            for (String alias : e.aliases()) {
                byName.putIfAbsent(alias, e);
            }
        }
    }

    /** The provider's name, checked here so that a broken plugin is named at discovery, not when first used. */
    private String nameOf(P provider) {
        String name;
        try {
            name = provider.name();
        } catch (RuntimeException | LinkageError e) {
            throw broken(provider, "name() failed: " + (e.getMessage() == null ? "no message" : e.getMessage()), e);
        }
        if (name == null || name.isBlank()) {
            throw broken(provider, "name() returned " + (name == null ? "null" : "'" + name + "'") + ", not a name", null);
        }
        return name;
    }

    private List<String> aliasesOf(P provider) {
        List<String> aliases;
        try {
            aliases = provider.aliases();
        } catch (RuntimeException | LinkageError e) {
            throw broken(provider, "aliases() failed: " + (e.getMessage() == null ? "no message" : e.getMessage()), e);
        }
        if (aliases == null || aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw broken(provider, "aliases() returned " + aliases + ", not a list of names", null);
        }
        return aliases;
    }

    /** The class name stands alone (spaces around it), so that the launcher can find its jar in the message. */
    private NnException broken(P provider, String problem, Throwable cause) {
        return new NnException(kind + " provider " + provider.getClass().getName() + " of module "
                + PluginOrigin.of(provider.getClass()) + ": " + problem, cause);
    }

    private void claim(String name, Entry<P> e) {
        Entry<P> winner = byName.putIfAbsent(name, e);
        if (winner != null && winner != e) {
            clashes.add(kind + " '" + name + "' is provided by " + winner.origin() + " and " + e.origin()
                    + "; using " + winner.origin() + " (name " + e.qualifiedName() + " for the other)");
        }
    }

    /** The provider named {@code name}, an alias, or a qualified {@code module/Name}. */
    public P get(String name) {
        return get(name, null);
    }

    /** As {@link #get(String)}; an unknown name's error starts with {@code owner}, e.g. {@code layer dense}. */
    public P get(String name, String owner) {
        Entry<P> e = byName.get(name);
        if (e != null) {
            return e.provider();
        }
        for (Entry<P> candidate : entries) {
            if (candidate.qualifiedName().equals(name)) {
                return candidate.provider();
            }
        }
        throw new NnException((owner == null ? "" : owner + ": ") + "unknown " + kind + " '" + name + "'; known " + kind + "s: " + known());
    }

    public boolean contains(String name) {
        return byName.containsKey(name) || entries.stream().anyMatch(e -> e.qualifiedName().equals(name));
    }

    /** The primary names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(entries.stream().map(Entry::name).toList()));
    }

    /** The aliases that find this entry: those it declares, less any another provider claimed first. */
    public List<String> aliases(Entry<P> entry) {
        return entry.aliases().stream().filter(a -> byName.get(a) == entry && !a.equals(entry.name())).toList();
    }

    /** The primary names, sorted, each with the aliases that find it: {@code Adam (adam), SGD (sgd)}. */
    public String known() {
        return String.join(", ", names().stream().map(n -> NamedProvider.listing(n, aliases(byName.get(n)))).toList());
    }

    /** Every provider, built-ins first, with its origin. */
    public List<Entry<P>> entries() {
        return entries;
    }

    /** One line for each name claimed by more than one provider. */
    public List<String> clashes() {
        return List.copyOf(clashes);
    }
}
