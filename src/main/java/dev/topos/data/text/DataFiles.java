package dev.topos.data.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads UTF-8 text and JSON files; a file that is not valid UTF-8 or not valid JSON fails with a
 *  {@link MalformedDataException} naming it (and the line, for JSON): the JDK's and Jackson's own
 *  exceptions do not say which file. */
public final class DataFiles {
    /** Duplicate keys are an error rather than silently keeping the last value. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DataFiles() {}

    public static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, "", "not valid UTF-8 text", e);
        }
    }

    /**
     * The non-blank lines of a two-column text file, each split at its last tab and both parts
     * stripped: the upstream format of AFINN-165 and of the UCI sentences.
     *
     * @param expected what a line should look like, for the error when one has no tab
     */
    public static List<Columns> tabSeparated(Path file, String expected) throws IOException {
        List<String> lines = lines(file);
        List<Columns> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw new MalformedDataException(file, where, "no tab; expected " + expected);
            }
            out.add(new Columns(where, line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
        }
        return out;
    }

    /** One line of {@link #tabSeparated}: where it is ("line N"), the text before and after the last tab. */
    public record Columns(String where, String left, String right) {}

    /** The lines, split at \n, \r\n or \r; a final line break does not add an empty line. */
    public static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, "", "not valid UTF-8 text", e);
        }
    }

    public static JsonNode json(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw new MalformedDataException(file, line, "invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The regular files of {@code dir} whose name passes {@code name}, sorted by path. */
    public static List<Path> files(Path dir, Predicate<String> name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> name.test(f.getFileName().toString()) && Files.isRegularFile(f)).sorted().toList();
        }
    }
}
