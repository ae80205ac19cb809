package nn.api;

/**
 * An optimizer step taken during the backward pass, a range of weights at a time, while the
 * gradient a layer has just computed is still in cache (as PyTorch's optimizer-in-backward hooks
 * do): the trainer passes one to {@link Layer#backward(org.ejml.data.FMatrixRMaj, boolean, EarlyUpdates)}.
 * A layer that {@link #claim claims} a variable hands over every range of its gradient once that
 * range is final, and nothing may read the variable's weights later in the same pass: so a layer
 * claims only a variable whose weights its remaining backward work does not read (a dense layer
 * that computes no input gradient). The trainer updates the variables nobody claimed after the
 * pass. Each weight's update is the same arithmetic either way, so the bits are the same.
 */
public interface EarlyUpdates {
    /** No variable is updated during the backward pass. */
    EarlyUpdates NONE = new EarlyUpdates() {
        @Override
        public boolean claim(Variable variable) {
            return false;
        }

        @Override
        public void update(Variable variable, int from, int to) {
            throw new IllegalStateException("no early updates: " + variable.path() + " was not claimed");
        }
    };

    /**
     * On the calling thread, before the variable's first range: true if this step updates the
     * variable early, and then every range of its gradient must be handed to {@link #update}.
     */
    boolean claim(Variable variable);

    /**
     * Updates the weights {@code from} to {@code to - 1} (flat, row-major) of a claimed variable,
     * whose gradient is final there. May run on several of the kernels' threads at once for disjoint
     * ranges; never calls the kernels.
     */
    void update(Variable variable, int from, int to);
}
