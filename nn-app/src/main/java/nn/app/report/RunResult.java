package nn.app.report;

import java.util.Map;
import nn.core.History;

/**
 * What one training run ended with: the history of every epoch and the test-set scores
 * ({@code loss}, {@code accuracy}, ...).
 */
public record RunResult(History history, Map<String, Double> testScores) {

    public RunResult {
        history = history.copy();
        testScores = Map.copyOf(testScores);
    }

    @Override
    public History history() {
        return history.copy();
    }
}
