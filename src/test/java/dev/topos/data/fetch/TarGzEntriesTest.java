package dev.topos.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzEntriesTest {
    @TempDir
    Path tmp;

    @Test
    void entryNamesAreCleanedOrRejected() throws IOException {
        assertEquals("package/a.txt", TarGzEntries.safePath("./package//a.txt"));
        assertEquals("package/data", TarGzEntries.safePath("package/data/"));
        assertEquals("entry '../a' climbs out of the archive with '..'",
                assertThrows(IOException.class, () -> TarGzEntries.safePath("../a")).getMessage());
        assertEquals("entry 'p/x/../../../a' climbs out of the archive with '..'",
                assertThrows(IOException.class, () -> TarGzEntries.safePath("p/x/../../../a")).getMessage());
        assertEquals("entry '/etc/passwd' is an absolute path; archive entries must be relative",
                assertThrows(IOException.class, () -> TarGzEntries.safePath("/etc/passwd")).getMessage());
    }

    @Test
    void onlyRegularFilesTheRuleSelectsAreCopied() throws IOException {
        Path archive = Files.write(tmp.resolve("t.tgz"), TinyData.archive());
        Path dest = tmp.resolve("dest");

        List<Manifest.FileEntry> files = new TarGzEntries(archive).copy(new Keep("package/data/", "*.txt", "x/"), dest);

        assertEquals(List.of(new Manifest.FileEntry("x/a.txt", 5), new Manifest.FileEntry("x/b.txt", 5)), files);
        assertEquals(TinyData.A, Files.readString(dest.resolve("x/a.txt")));
        assertEquals(List.of("a.txt", "b.txt"), Files.list(dest.resolve("x")).map(p -> p.getFileName().toString())
                .sorted().toList(), "the symbolic link link.txt is skipped");
    }

    @Test
    void aTruncatedArchiveIsAnError() throws IOException {
        byte[] whole = TinyData.archive();
        Path archive = Files.write(tmp.resolve("t.tgz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThrows(IOException.class,
                () -> new TarGzEntries(archive).copy(new Keep("package/data/", "*.txt", ""), tmp.resolve("dest")));
    }
}
