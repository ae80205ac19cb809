package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void aSavedHistoryContinuesWithTheEpochsOfALaterFit() {
        History saved = History.of(Map.of("loss", List.of(0.9, 0.8)), List.of(1.0, 2.0));
        History later = new History();
        later.add(Map.of("loss", 0.7), 3.0);
        History whole = saved.copy();
        whole.addAll(later);
        assertEquals(List.of(0.9, 0.8, 0.7), whole.get("loss"));
        assertEquals(List.of(1.0, 2.0, 3.0), whole.epochSeconds());
        assertEquals(2, saved.epochs(), "a copy is independent");
    }

    @Test
    void everyListNeedsOneValuePerEpoch() {
        NnException e = assertThrows(NnException.class, () -> History.of(Map.of("loss", List.of(0.9)), List.of(1.0, 2.0)));
        assertEquals("history: 'loss' has 1 values for 2 epochs", e.getMessage());
    }

    @Test
    void itReadsAsTheEpochCountAndTheLastValues() {
        History history = new History();
        assertEquals("History(0 epochs)", history.toString());
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 0.9);
        logs.put("accuracy", 0.5);
        history.add(logs, 1.0);
        assertEquals("History(1 epoch, last: loss=0.9000, accuracy=0.5000)", history.toString());
        logs.put("loss", 0.50123);
        logs.put("accuracy", 0.82031);
        history.add(logs, 1.0);
        assertEquals("History(2 epochs, last: loss=0.5012, accuracy=0.8203)", history.toString());
    }
}
