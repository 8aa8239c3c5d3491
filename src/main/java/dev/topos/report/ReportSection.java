package dev.topos.report;

import java.util.List;
import java.util.Objects;

/**
 * One section of the run report, as written by the analysis stage to {@code sections.json}.
 *
 * @param title section heading
 * @param text plain text, may contain newlines ({@code null} is read as empty)
 * @param figures images shown after the text ({@code null} is read as none)
 * @param tables tables shown after the text ({@code null} is read as none)
 */
public record ReportSection(String title, String text, List<ReportFigure> figures, List<ReportTable> tables) {
    public ReportSection {
        Objects.requireNonNull(title, "section title");
        text = text == null ? "" : text;
        figures = figures == null ? List.of() : List.copyOf(figures);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
