package nn.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code nn compare}'s table for the terminal: the columns of {@code compare.csv}, with short
 * headings, rounded values ({@code -} where there is none), names left-aligned and numbers right-aligned.
 */
public final class ComparisonTable {
    private static final String NONE = "-";

    private ComparisonTable() {
    }

    public static List<String> headings() {
        List<String> headings = new ArrayList<>(List.of("model", "seeds", "final val_acc", "best val_acc", "test acc"));
        ComparisonRow.THRESHOLDS.forEach(level -> headings.add("epoch to " + Math.round(level * 100) + "%"));
        headings.addAll(List.of("s/epoch", "epoch time vs " + ComparisonRow.BASELINE));
        return headings;
    }

    /** The heading line and a line per row, each ending in a line break. */
    public static String format(List<ComparisonRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headings());
        rows.forEach(row -> lines.add(cells(row)));
        return TextTable.align(lines);
    }

    private static List<String> cells(ComparisonRow row) {
        List<String> cells = new ArrayList<>(List.of(row.model(), ComparisonCsv.seeds(row), accuracy(row.finalValAccuracy()),
                accuracy(row.bestValAccuracy()), accuracy(row.testAccuracy())));
        row.firstEpochReaching().forEach(epoch -> cells.add(epoch.isPresent() ? Integer.toString(epoch.getAsInt()) : NONE));
        cells.add(String.format(Locale.ROOT, "%.2f", row.secondsPerEpoch()));
        cells.add(row.overheadPercent().isPresent()
                ? String.format(Locale.ROOT, "%+.1f%%", row.overheadPercent().getAsDouble()) : NONE);
        return cells;
    }

    private static String accuracy(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
