package nn.app.report;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import nn.io.AtomicFile;

/**
 * {@code compare.csv}: a row per model, values at full precision, an empty cell where there is no
 * value (a level never reached, no baseline), the seeds separated by spaces. Written atomically.
 */
public final class ComparisonCsv {

    private ComparisonCsv() {
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of("model", "seeds", "final_val_accuracy", "best_val_accuracy",
                "test_accuracy"));
        ComparisonRow.THRESHOLDS.forEach(level -> header.add("first_epoch_val_accuracy_" + Math.round(level * 100)));
        header.addAll(List.of("seconds_per_epoch", "epoch_time_overhead_vs_" + ComparisonRow.BASELINE.replace('-', '_') + "_percent"));
        return header;
    }

    public static void write(List<ComparisonRow> rows, Path file) {
        AtomicFile.write(file, out -> {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write(String.join(",", header()) + "\n");
            for (ComparisonRow row : rows) {
                csv.write(String.join(",", cells(row)) + "\n");
            }
            csv.flush();
        });
    }

    private static List<String> cells(ComparisonRow row) {
        List<String> cells = new ArrayList<>(List.of(row.model(), seeds(row), Double.toString(row.finalValAccuracy()),
                Double.toString(row.bestValAccuracy()), Double.toString(row.testAccuracy())));
        row.firstEpochReaching().forEach(epoch -> cells.add(text(epoch)));
        cells.add(Double.toString(row.secondsPerEpoch()));
        cells.add(text(row.overheadPercent()));
        return cells;
    }

    static String seeds(ComparisonRow row) {
        return row.seeds().stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }

    private static String text(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }
}
