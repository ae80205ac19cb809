package nn.api;

/** Work over the indices {@code from} to {@code to - 1} of a range that {@link Kernels#forEachRange} cuts up. */
@FunctionalInterface
public interface RangeTask {
    void run(int from, int to);
}
