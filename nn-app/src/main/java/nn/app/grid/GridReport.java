package nn.app.grid;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nn.app.report.RunResult;
import nn.app.report.TextTable;
import nn.app.run.RunConfig;
import nn.core.History;
import nn.io.AtomicFile;

/**
 * A grid's outcome, best first: one row a run, sorted by the last epoch's validation loss (ties by
 * name), as grid.csv (full precision) and as a table (four decimals).
 */
final class GridReport {
    static final List<String> HEADER = List.of("run", "model", "optimizer", "learning_rate", "batch_size", "activation", "seed",
            "epochs", "loss", "accuracy", "val_loss", "val_accuracy", "test_loss", "test_accuracy", "seconds_per_epoch");

    private final List<Row> rows;

    private record Row(NamedRun run, RunResult result) {

        double last(String name) {
            History history = result.history();
            List<Double> values = history.names().contains(name) ? history.get(name) : List.of();
            return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
        }

        double test(String name) {
            return result.testScores().getOrDefault(name, Double.NaN);
        }

        double secondsPerEpoch() {
            return result.history().epochSeconds().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    GridReport(List<NamedRun> runs, List<RunResult> results) {
        List<Row> all = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            all.add(new Row(runs.get(i), results.get(i)));
        }
        // NaN (a run without validation loss) sorts last
        all.sort(Comparator.comparingDouble((Row row) -> Double.isNaN(row.last("val_loss")) ? Double.MAX_VALUE : row.last("val_loss"))
                .thenComparing(row -> row.run().name()));
        this.rows = List.copyOf(all);
    }

    /** The best run's name: the lowest final validation loss. */
    String best() {
        return rows.get(0).run().name();
    }

    void writeCsv(Path file) {
        AtomicFile.write(file, out -> {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write(String.join(",", HEADER) + "\n");
            for (Row row : rows) {
                csv.write(String.join(",", cells(row, Double::toString)) + "\n");
            }
            csv.flush();
        });
    }

    String table() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(cells(row, value -> String.format(Locale.ROOT, "%.4f", value))));
        return TextTable.align(lines);
    }

    private static List<String> cells(Row row, java.util.function.DoubleFunction<String> number) {
        RunConfig config = row.run().config();
        return List.of(row.run().name(), config.model(), config.optimizer().orElse(""),
                config.learningRate().map(String::valueOf).orElse(""), Integer.toString(config.batchSize()),
                config.activation().orElse(""), Long.toString(config.seed()), Integer.toString(config.epochs()),
                number.apply(row.last("loss")), number.apply(row.last("accuracy")), number.apply(row.last("val_loss")),
                number.apply(row.last("val_accuracy")), number.apply(row.test("loss")), number.apply(row.test("accuracy")),
                String.format(Locale.ROOT, "%.2f", row.secondsPerEpoch()));
    }
}
