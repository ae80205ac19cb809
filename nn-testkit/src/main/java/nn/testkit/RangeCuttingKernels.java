package nn.testkit;

import java.util.ArrayList;
import java.util.List;
import nn.api.Kernels;
import nn.api.RangeTask;

/**
 * Kernels for tests of work that {@link Kernels#forEachRange} cuts up: the reference kernels,
 * except that {@code forEachRange} runs its task on the caller in ranges of a fixed length, the
 * last range first (an order no thread pool promises either), and records the sizes it was given.
 */
public final class RangeCuttingKernels {
    private final Kernels kernels;
    private final List<Integer> sizes = new ArrayList<>();

    /** Ranges of {@code length} indices (the last one shorter). */
    public RangeCuttingKernels(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("range length must be at least 1, got " + length);
        }
        kernels = ReferenceProxy.of((method, args) -> {
            if (!method.getName().equals("forEachRange")) {
                return ReferenceProxy.PASS;
            }
            int size = (int) args[0];
            RangeTask task = (RangeTask) args[2];
            sizes.add(size);
            for (int from = (size - 1) / length * length; from >= 0; from -= length) {
                task.run(from, Math.min(size, from + length));
            }
            return null;
        });
    }

    public Kernels kernels() {
        return kernels;
    }

    /** The sizes {@code forEachRange} was called with, in order. */
    public List<Integer> sizes() {
        return List.copyOf(sizes);
    }
}
