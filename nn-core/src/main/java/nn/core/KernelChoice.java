package nn.core;

import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import nn.api.Kernels;
import nn.api.NnException;

/**
 * Picks the matrix kernels by name among those found with {@link ServiceLoader}: {@code ejml}
 * (the reference, always there), {@code vector} (the JDK Vector API module, when present), or
 * {@code auto}: the fastest present, i.e. anything but ejml if there is one.
 */
public final class KernelChoice {
    public static final String AUTO = "auto";
    public static final String REFERENCE = "ejml";

    private KernelChoice() {
    }

    /** The launcher's default: the fastest kernels present ({@code auto}) on every core of the machine. */
    public static Kernels best() {
        return choose(AUTO, Runtime.getRuntime().availableProcessors());
    }

    /** The kernels named {@code name} (or {@code auto}) on {@code threads} threads. */
    public static Kernels choose(String name, int threads) {
        List<Kernels> found = ServiceLoader.load(Kernels.class).stream().map(ServiceLoader.Provider::get).toList();
        Kernels chosen;
        if (name.equals(AUTO)) {
            chosen = found.stream().filter(k -> !k.name().equals(REFERENCE)).findFirst()
                    .or(() -> found.stream().filter(k -> k.name().equals(REFERENCE)).findFirst())
                    .orElseThrow(() -> new NnException("no matrix kernels found: nn.api (which provides ejml) is missing"));
        } else {
            chosen = found.stream().filter(k -> k.name().equals(name)).findFirst()
                    .orElseThrow(() -> new NnException("unknown kernels '" + name + "'; known kernels: " + AUTO + ", "
                            + String.join(", ", new TreeSet<>(found.stream().map(Kernels::name).toList()))));
        }
        return chosen.withThreads(threads);
    }
}
