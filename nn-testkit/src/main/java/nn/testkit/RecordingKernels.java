package nn.testkit;

import java.util.ArrayList;
import java.util.List;
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
        kernels = ReferenceProxy.of((method, args) -> {
            calls.add(method.getName());
            return ReferenceProxy.PASS;
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
