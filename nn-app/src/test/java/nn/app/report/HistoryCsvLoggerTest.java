package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
