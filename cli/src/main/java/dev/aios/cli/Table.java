package dev.aios.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns as wide as their widest cell; long cells are cut with an ellipsis. */
final class Table {
    private static final int MAX_CELL = 48;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(String... cells) {
        String[] cut = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String plain = cells[i].replaceAll("\\p{Cntrl}", " "); // a name from the server never moves the cursor
            cut[i] = plain.length() > MAX_CELL ? plain.substring(0, MAX_CELL - 1) + "…" : plain;
        }
        rows.add(cut);
        return this;
    }

    void print(PrintStream out) {
        int columns = rows.getFirst().length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
