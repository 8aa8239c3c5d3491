package dev.topos.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void aWriterThatClosesItsStreamStillProducesTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, out -> {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.close(); // as Jackson's writeValue does
        });
        assertEquals("{}", Files.readString(f));
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("b.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + f + ": No space left on device (its previous content, if any, is unchanged)",
                e.getMessage(), "the error names the file being written");
        assertEquals("old", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
