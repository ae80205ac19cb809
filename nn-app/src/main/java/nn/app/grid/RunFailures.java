package nn.app.grid;

import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;

/**
 * The runs of a grid or comparison that failed, for one error after the others have finished: a
 * failed run does not cost the runs after it their training, here or on an engine.
 */
final class RunFailures {
    private final List<String> failures = new ArrayList<>();
    private Throwable first;

    /** @param why the failure's one line, e.g. {@code ErrorLine.of(e)} */
    void add(String run, String why, Throwable failure) {
        failures.add(run + ": " + why);
        if (first == null) {
            first = failure;
        }
    }

    boolean any() {
        return !failures.isEmpty();
    }

    /** One error naming every failed run, and whether the finished ones are in their folders. */
    NnException error(int runs, int finished) {
        String which = failures.size() == 1 ? failures.get(0)
                : failures.size() + " of " + runs + " runs failed: " + String.join("; ", failures);
        return new NnException(which + (finished == 0 ? "" : finished == 1 ? " (the finished run is written to its folder)"
                : " (the " + finished + " finished runs are written to their folders)"), first);
    }
}
