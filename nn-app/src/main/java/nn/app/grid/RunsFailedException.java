package nn.app.grid;

import java.util.List;
import nn.api.NnException;
import nn.app.report.RunResult;

/** Some runs of a grid or comparison failed; the others finished, and here are their results, in run order. */
public final class RunsFailedException extends NnException {
    private final transient List<NamedRun> finishedRuns;
    private final transient List<RunResult> finishedResults;

    RunsFailedException(String message, Throwable firstFailure, List<NamedRun> finishedRuns, List<RunResult> finishedResults) {
        super(message, firstFailure);
        this.finishedRuns = List.copyOf(finishedRuns);
        this.finishedResults = List.copyOf(finishedResults);
    }

    public List<NamedRun> finishedRuns() {
        return finishedRuns;
    }

    public List<RunResult> finishedResults() {
        return finishedResults;
    }
}
