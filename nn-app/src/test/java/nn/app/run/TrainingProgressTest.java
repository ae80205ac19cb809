package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private static TrainingProgress threeEpochs() {
        return TrainingProgress.NONE
                .after(1, Map.of("loss", 0.9, "val_loss", 0.8), 1.5)
                .after(2, Map.of("loss", 0.7, "val_loss", 0.5), 1.25)
                .after(3, Map.of("loss", 0.6, "val_loss", 0.6), 1.0);
    }

    @Test
    void theBestEpochIsTheLowestValLossAndATieKeepsTheEarlierOne() {
        TrainingProgress progress = threeEpochs();
        assertEquals(3, progress.epoch());
        assertEquals(Optional.of(new BestEpoch("val_loss", 0.5, 2)), progress.best());
        assertTrue(!progress.bestIsLast());
        assertEquals(2, progress.after(4, Map.of("loss", 0.5, "val_loss", 0.5), 1).best().get().epoch());
        assertEquals("loss", TrainingProgress.NONE.after(1, Map.of("loss", 2.0), 1).best().get().monitor());
    }

    @Test
    void theStateReadsBackAsItWasWritten() {
        TrainingProgress progress = threeEpochs();
        Map<String, Object> state = progress.toState(Map.of("seed", 42));
        TrainingProgress back = TrainingProgress.fromState(state, "last.zip");
        assertEquals(progress.epoch(), back.epoch());
        assertEquals(progress.history().asMap(), back.history().asMap());
        assertEquals(progress.history().epochSeconds(), back.history().epochSeconds());
        assertEquals(progress.best(), back.best());
        assertEquals(Map.of("seed", 42), TrainingProgress.run(state, "last.zip"));
    }

    @Test
    void theProgressDoesNotChangeWhenItsHistoryDoes() {
        TrainingProgress progress = threeEpochs();
        progress.history().add(Map.of("loss", 0.1, "val_loss", 0.1), 1);
        assertEquals(3, progress.history().epochs());
    }

    @Test
    void aDamagedStateIsAnErrorNamingTheFileAndTheKey() {
        Map<String, Object> state = new LinkedHashMap<>(threeEpochs().toState(Map.of()));
        state.put("epoch", 4);
        assertEquals("last.zip: 'epoch_seconds' has 3 epochs but 'epoch' is 4",
                assertThrows(NnException.class, () -> TrainingProgress.fromState(state, "last.zip")).getMessage());
        state.put("epoch", 3);
        state.put("history", Map.of("loss", List.of(1.0, "x", 2.0)));
        assertTrue(assertThrows(NnException.class, () -> TrainingProgress.fromState(state, "last.zip")).getMessage()
                .startsWith("last.zip: 'history.loss' must be a list of numbers"));
        state.put("history", Map.of("loss", List.of(1.0)));
        assertEquals("last.zip: history: 'loss' has 1 values for 3 epochs",
                assertThrows(NnException.class, () -> TrainingProgress.fromState(state, "last.zip")).getMessage());
        state.remove("run");
        assertThrows(NnException.class, () -> TrainingProgress.run(state, "last.zip"));
    }
}
