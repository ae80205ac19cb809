package nn.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import nn.api.EjmlKernels;
import nn.api.Kernels;

/**
 * The reference kernels, recording the name of each method called on them, in order: for tests of
 * which kernel a layer takes. Not a Mockito mock or spy of {@link Kernels}: Mockito instruments the
 * interface's default methods (or a spied class) for every implementation in the JVM, and an
 * allocation test that runs after it then counts Mockito's own allocations.
 */
public final class RecordingKernels {
    private final Kernels kernels;
    private final List<String> calls = new ArrayList<>();

    public RecordingKernels() {
        Kernels reference = new EjmlKernels();
        kernels = (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(reference, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public Kernels kernels() {
        return kernels;
    }

    /** The names of the methods called so far, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }
}
