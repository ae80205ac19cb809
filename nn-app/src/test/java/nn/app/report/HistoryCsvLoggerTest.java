package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nn.core.History;
import nn.core.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvLoggerTest {
    @TempDir
    Path dir;

    @Test
    void theFileHoldsEveryFinishedEpochAfterEachEpoch() throws IOException {
        Path file = dir.resolve("history.csv");
        List<Integer> rowsSeen = new ArrayList<>();
        TrainingListener reader = new TrainingListener() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                try {
                    rowsSeen.add(Files.readAllLines(file).size() - 1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        TinyTraining.fit(3, true, new HistoryCsvLogger(file), reader);
        assertEquals(List.of(1, 2, 3), rowsSeen);
        List<String> lines = Files.readAllLines(file);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds", lines.get(0));
        assertEquals("3", lines.get(3).split(",")[0]);
    }

    @Test
    void aSecondRunStartsTheFileAfresh() throws IOException {
        Path file = dir.resolve("history.csv");
        HistoryCsvLogger logger = new HistoryCsvLogger(file);
        TinyTraining.fit(3, false, logger);
        TinyTraining.fit(2, false, logger);
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals("epoch,loss,accuracy,seconds", lines.get(0));
    }

    @Test
    void aResumedRunKeepsTheSavedRowsAndAppendsItsOwn() throws IOException {
        Path file = dir.resolve("history.csv");
        History saved = History.of(Map.of("loss", List.of(0.9, 0.8)), List.of(1.5, 2.5));
        HistoryCsvLogger logger = new HistoryCsvLogger(file, saved);
        logger.onTrainBegin(4, 1, 2);
        logger.onEpochBegin(3, 4);
        logger.onEpochEnd(3, Map.of("loss", 0.7), 1.25);
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("epoch,loss,seconds", "1,0.9,1.5", "2,0.8,2.5"), lines.subList(0, 3));
        assertEquals("3,0.7,1.25", lines.get(3), lines::toString);
        assertEquals(2, saved.epochs(), "the saved history is not changed");
    }
}
