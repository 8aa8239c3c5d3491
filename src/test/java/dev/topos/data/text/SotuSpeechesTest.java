package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SotuSpeechesTest {
    @TempDir
    Path dir;

    @Test
    void readsTxtFilesInNameOrder() throws IOException {
        Files.writeString(dir.resolve("1791_george_washington_n.txt"), "Fellow-Citizens: second.\n");
        Files.writeString(dir.resolve("1790_george_washington_n.txt"), "  Fellow-Citizens: first.  ");
        Files.writeString(dir.resolve("1790_george_washington_n.json"), "{}");
        assertEquals(List.of(new Speech("1790_george_washington_n", "Fellow-Citizens: first."),
                new Speech("1791_george_washington_n", "Fellow-Citizens: second.")), SotuSpeeches.load(dir));
    }

    @Test
    void emptyFolderOrSpeechIsAnError() throws IOException {
        assertTrue(assertThrows(MalformedDataException.class, () -> SotuSpeeches.load(dir)).getMessage()
                .startsWith(dir + ": no speeches found"));
        Path f = dir.resolve("1800_x.txt");
        Files.writeString(f, " \n");
        assertEquals(f + ": empty speech", assertThrows(MalformedDataException.class, () -> SotuSpeeches.load(dir)).getMessage());
    }
}
