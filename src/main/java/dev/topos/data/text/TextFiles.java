package dev.topos.data.text;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads UTF-8 text files; a file that is not valid UTF-8 fails with a message naming it (the
 *  JDK's own exception names neither the file nor the problem). */
final class TextFiles {
    private TextFiles() {}

    static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, "", "not valid UTF-8 text", e);
        }
    }

    /** The lines, split at \n, \r\n or \r; a final line break does not add an empty line. */
    static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, "", "not valid UTF-8 text", e);
        }
    }
}
