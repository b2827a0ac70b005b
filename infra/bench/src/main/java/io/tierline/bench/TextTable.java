package io.tierline.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Figures as a small aligned table: the first column left-aligned (what), the others right-aligned (numbers). */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row has " + columns + " cells, not " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(TextTable::text).toArray(String[]::new));
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row[0]));
            for (int c = 1; c < columns; c++) {
                line.append("   ").append(String.format("%" + widths[c] + "s", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Whole numbers with thousands separators; anything else as given. */
    private static String text(Object cell) {
        return cell instanceof Long || cell instanceof Integer ? String.format(Locale.ROOT, "%,d", cell)
                : String.valueOf(cell);
    }
}
