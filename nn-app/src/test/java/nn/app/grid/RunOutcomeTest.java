package nn.app.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.app.report.RunResult;
import nn.core.History;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {

    @Test
    void nonFiniteNumbersOfADivergingRunComeBackAsTheyWere() {
        Map<String, List<Double>> history = new LinkedHashMap<>();
        history.put("loss", List.of(2.3, Double.POSITIVE_INFINITY, Double.NaN));
        history.put("val_loss", List.of(0.1 + 0.2, Double.NaN, Double.NEGATIVE_INFINITY));
        Map<String, Double> test = Map.of("loss", Double.NaN, "accuracy", 0.1);
        RunOutcome sent = new RunOutcome(new RunResult(History.of(history, List.of(1.5, 1.25, 1.0)), test),
                Map.of("history.csv", new byte[] {1, 2}));

        RunOutcome back = RunOutcome.fromBytes(sent.toBytes());

        assertEquals(history, back.result().history().asMap());
        assertEquals(List.of(1.5, 1.25, 1.0), back.result().history().epochSeconds());
        assertEquals(test, back.result().testScores());
        assertArrayEquals(new byte[] {1, 2}, back.files().get("history.csv"));
    }
}
