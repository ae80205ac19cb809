package nn.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;
import nn.core.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerEpochNumberedFromOneWithFullPrecision() throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        values.put("loss", List.of(0.41234567890123, 0.3));
        values.put("accuracy", List.of(0.85, 1.0E-5));
        Path file = dir.resolve("history.csv");
        HistoryCsv.write(values, List.of(3.25, 2.5), file);
        assertEquals(List.of("epoch,loss,accuracy,seconds", "1,0.41234567890123,0.85,3.25", "2,0.3,1.0E-5,2.5"),
                Files.readAllLines(file));
    }

    @Test
    void writesTheHistoryOfARealRunInKerasColumnOrder() throws IOException {
        History history = TinyTraining.fit(3, true);
        Path file = dir.resolve("history.csv");
        HistoryCsv.write(history, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds", lines.get(0));
        assertEquals(4, lines.size());
        String[] last = lines.get(3).split(",");
        assertEquals("3", last[0]);
        assertEquals(history.last("val_loss"), Double.parseDouble(last[3]));
        assertEquals(history.epochSeconds().get(2), Double.parseDouble(last[5]));
    }

    @Test
    void replacesAnOldFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, "old content that is longer than the new one\n".repeat(20));
        HistoryCsv.write(Map.of("loss", List.of(1.0)), List.of(1.0), file);
        assertEquals(List.of("epoch,loss,seconds", "1,1.0,1.0"), Files.readAllLines(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsAnErrorNamingIt() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Path file = notAFolder.resolve("history.csv");
        NnException e = assertThrows(NnException.class, () -> HistoryCsv.write(Map.of(), List.of(), file));
        assertTrue(e.getMessage().startsWith(file + ": cannot be written"), e.getMessage());
    }
}
