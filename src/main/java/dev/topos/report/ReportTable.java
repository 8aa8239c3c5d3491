package dev.topos.report;

import java.util.List;
import java.util.Objects;

/**
 * A table in a report section.
 *
 * @param title caption shown above the table ({@code null} is read as empty)
 * @param columns column headers
 * @param rows cells, one list per row with one cell per column; each cell is a {@link String} or
 *     a {@link Number} (read back from JSON as {@code Integer}, {@code Long} or {@code Double})
 */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows) {
    public ReportTable {
        title = title == null ? "" : title;
        columns = List.copyOf(Objects.requireNonNull(columns, "table columns"));
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "' row " + r + " has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            for (Object cell : row) {
                if (!(cell instanceof String || cell instanceof Number)) {
                    throw new IllegalArgumentException("table '" + title + "' row " + r
                            + ": cells must be strings or numbers, got " + cell.getClass().getSimpleName());
                }
            }
        }
    }
}
