package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsThroughJson() throws Exception {
        List<ReportSection> sections = List.of(
                new ReportSection("Topography", "Smooth maps.\nSecond line with <b>.",
                        List.of(new ReportFigure("figures/maps.png", "Selectivity per unit")),
                        List.of(new ReportTable("Fit", List.of("layer", "r", "n"),
                                List.of(List.of("L1", 0.25, 12), List.of("L2", -1.5, 3_000_000_000L))))),
                new ReportSection("Empty", "", List.of(), List.of()));
        Path file = dir.resolve(Sections.FILE_NAME);
        Sections.write(file, sections);
        assertEquals(sections, Sections.read(file));
    }

    @Test
    void missingListsAndTextReadAsEmpty() throws Exception {
        Path file = dir.resolve(Sections.FILE_NAME);
        Files.writeString(file, "[{\"title\": \"Only a title\"}]");
        assertEquals(List.of(new ReportSection("Only a title", "", List.of(), List.of())), Sections.read(file));
    }

    @Test
    void invalidContentFailsNamingTheFile() throws Exception {
        Path file = dir.resolve(Sections.FILE_NAME);
        Files.writeString(file, "[{\"title\": \"t\", \"figures\": [{\"file\": \"../outside.png\"}]}]");
        IOException e = assertThrows(IOException.class, () -> Sections.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("inside the run folder"), e.getMessage());
    }

    @Test
    void recordsValidateTheirContent() {
        assertThrows(IllegalArgumentException.class, () -> new ReportFigure("/abs/x.png", ""));
        assertThrows(IllegalArgumentException.class, () -> new ReportFigure("figures/../../x.png", ""));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportTable("t", List.of("a", "b"), List.of(List.of("only one"))));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportTable("t", List.of("a"), List.of(List.of(List.of("nested")))));
    }
}
