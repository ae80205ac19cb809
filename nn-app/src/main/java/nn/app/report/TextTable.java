package nn.app.report;

import java.util.List;

/** Lines of cells as an aligned text table: the first column left-aligned, the others right-aligned, two spaces between. */
public final class TextTable {

    private TextTable() {
    }

    /** Each line ending in a line break; every line has as many cells as the first. */
    public static String align(List<List<String>> lines) {
        int[] widths = new int[lines.get(0).size()];
        for (List<String> line : lines) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> line : lines) {
            for (int c = 0; c < widths.length; c++) {
                String cell = line.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                table.append(c == 0 ? "" : "  ").append(c == 0 ? cell + pad : pad + cell);
            }
            table.append('\n');
        }
        return table.toString();
    }
}
