package dev.topos.report;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes {@code sections.json}: a JSON array of {@link ReportSection}s. */
public final class Sections {
    /** The file's name inside a run folder. */
    public static final String FILE_NAME = "sections.json";

    private static final TypeReference<List<ReportSection>> LIST = new TypeReference<>() {
    };

    private Sections() {
    }

    /** Reads a sections file; errors name the file. */
    public static List<ReportSection> read(Path file) throws IOException {
        try {
            return List.copyOf(Json.MAPPER.readValue(file.toFile(), LIST));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a sections file atomically, indented. */
    public static void write(Path file, List<ReportSection> sections) throws IOException {
        AtomicFiles.write(file, out -> Json.MAPPER.writeValue(out, sections));
    }
}
