package dev.topos.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image in a report section.
 *
 * @param file path of the image relative to the run folder, e.g. {@code figures/maps.png}; must
 *     not be absolute or climb out of the folder, so the report opens offline from anywhere
 * @param caption text shown under the image ({@code null} is read as empty)
 */
public record ReportFigure(String file, String caption) {
    public ReportFigure {
        Objects.requireNonNull(file, "figure file");
        Path path = Path.of(file);
        if (file.isBlank() || path.isAbsolute() || file.startsWith("/") || file.startsWith("\\")) {
            throw new IllegalArgumentException("figure file must be a path relative to the run folder: '" + file + "'");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException("figure file must stay inside the run folder: '" + file + "'");
            }
        }
        caption = caption == null ? "" : caption;
    }
}
