package nn.app.grid;

import java.util.ArrayList;
import java.util.List;
import nn.app.report.RunResult;

/**
 * The finished and failed runs of a grid or comparison, as they come: a failed run does not cost the
 * runs after it their training, here or on an engine; one error at the end names every failed run
 * and carries the finished runs' results.
 */
final class RunTally {
    private final List<NamedRun> finishedRuns = new ArrayList<>();
    private final List<RunResult> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private Throwable first;

    void finished(NamedRun run, RunResult result) {
        finishedRuns.add(run);
        results.add(result);
    }

    /** @param why the failure's one line, e.g. {@code ErrorLine.of(e)} */
    void failed(NamedRun run, String why, Throwable failure) {
        failures.add(run.name() + ": " + why);
        if (first == null) {
            first = failure;
        }
    }

    /**
     * The results of all {@code runs}, in run order.
     *
     * @throws RunsFailedException naming every failed run, with the finished runs' results
     */
    List<RunResult> results(int runs) {
        if (failures.isEmpty()) {
            return List.copyOf(results);
        }
        int finished = results.size();
        String which = failures.size() == 1 ? failures.get(0)
                : failures.size() + " of " + runs + " runs failed: " + String.join("; ", failures);
        throw new RunsFailedException(which + (finished == 0 ? "" : finished == 1 ? " (the finished run is written to its folder)"
                : " (the " + finished + " finished runs are written to their folders)"), first, finishedRuns, results);
    }
}
