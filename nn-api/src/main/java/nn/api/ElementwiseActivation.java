package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * An activation applied to each element alone: write f(x) and its derivative, in terms of x and
 * y = f(x), and this class loops over the batch (forward may write into x, backward into dy), in
 * ranges that an Activation layer shares between its kernels' threads.
 * Stateless by default, so it is its own provider; override {@link #create} for parameters.
 *
 * <pre>{@code
 * public final class Swish extends ElementwiseActivation {
 *     public String name() { return "swish"; }
 *     protected float apply(float x) { return x / (1f + (float) Math.exp(-x)); }
 *     protected float derivative(float x, float y) { ... }
 * }
 * }</pre>
 */
public abstract class ElementwiseActivation extends StatelessActivation {

    /** f(x). */
    protected abstract float apply(float x);

    /** f'(x), given x and y = f(x). */
    protected abstract float derivative(float x, float y);

    /** The range method over the whole batch. A subclass that overrides this instead is never cut into ranges. */
    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj y) {
        forward(x.data, y.data, 0, x.getNumElements());
    }

    /** The range method over the whole batch. A subclass that overrides this instead is never cut into ranges. */
    @Override
    public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        backward(x.data, y.data, dy.data, dx.data, 0, x.getNumElements());
    }

    /**
     * Whether a layer may run this activation's passes in ranges, on several threads at once: true
     * unless the class overrides the whole-batch {@code forward} or {@code backward} (as plugins
     * written before the range methods do), which then always run whole.
     */
    public final boolean runsInRanges() {
        try {
            return getClass().getMethod("forward", FMatrixRMaj.class, FMatrixRMaj.class).getDeclaringClass()
                    == ElementwiseActivation.class
                    && getClass().getMethod("backward", FMatrixRMaj.class, FMatrixRMaj.class, FMatrixRMaj.class,
                            FMatrixRMaj.class).getDeclaringClass() == ElementwiseActivation.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("an activation without forward or backward: " + getClass().getName(), e);
        }
    }

    /**
     * y[i] = f(x[i]) for {@code from <= i < to}; y may be x. Each element alone, so that an
     * Activation layer can cut a batch between its kernels' threads: called at once on several
     * threads for disjoint ranges, so it writes no fields. Override for a faster loop.
     */
    public void forward(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = apply(x[i]);
        }
    }

    /**
     * The whole backward pass over the first n elements (all arrays hold at least n; dx may be dy)
     * by a pass of the kernels' own, returning true, with the bits of
     * {@link #backward(float[], float[], float[], float[], int, int)}; or false (the default)
     * without touching dx, and the layer runs that range method instead (an Activation layer cuts
     * it between its kernels' threads). For an activation the kernels have a faster pass for:
     * ReLU's is {@link Kernels#reluBackward}. Called outside the kernels' own tasks
     * ({@link Kernels#forEachRange}), since it may use their threads.
     */
    public boolean backwardOnKernels(Kernels kernels, float[] x, float[] y, float[] dy, float[] dx, int n) {
        return false;
    }

    /** The kernels' own pass if {@link #backwardOnKernels} has one, else the whole-batch pass. */
    @Override
    public final void backward(Kernels kernels, FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        if (!backwardOnKernels(kernels, x.data, y.data, dy.data, dx.data, x.getNumElements())) {
            backward(x, y, dy, dx);
        }
    }

    /** dx[i] = dy[i] f'(x[i]) for {@code from <= i < to}; dx may be dy. As {@link #forward(float[], float[], int, int)}. */
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = dy[i] * derivative(x[i], y[i]);
        }
    }
}
