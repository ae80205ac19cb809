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

    /** A provider and the module (or jar) it comes from. */
    public record Entry<P>(String name, String origin, P provider) {

        public String qualifiedName() {
            return origin + "/" + name;
        }

        boolean builtIn() {
            return SavedNames.isBuiltIn(origin);
        }
    }

    Catalog(String kind, List<P> providers) {
        this.kind = kind;
        this.entries = providers.stream()
                .map(p -> new Entry<>(p.name(), PluginOrigin.of(p.getClass()), p))
                .sorted(Comparator.comparing((Entry<P> e) -> !e.builtIn()).thenComparing(Entry::origin)
                        .thenComparing(e -> e.provider().getClass().getName()))
                .toList();
        for (Entry<P> e : entries) {
            claim(e.name(), e);
            for (String alias : e.provider().aliases()) {
                byName.putIfAbsent(alias, e);
            }
        }
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
        throw new NnException((owner == null ? "" : owner + ": ") + "unknown " + kind + " '" + name + "'; known " + kind + "s: " + String.join(", ", names()));
    }

    public boolean contains(String name) {
        return byName.containsKey(name) || entries.stream().anyMatch(e -> e.qualifiedName().equals(name));
    }

    /** The primary names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(entries.stream().map(Entry::name).toList()));
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
