package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.text.DataFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suites committed under {@code suites/} (built from the real data) are valid and say where they come from. */
class CommittedSuitesTest {
    @Test
    void theEightCommittedSuitesAreValidAndDocumented() throws IOException {
        Path dir = Path.of("suites");
        List<Path> files = DataFiles.files(dir, n -> n.endsWith(SuiteFile.EXTENSION));
        assertEquals(Set.copyOf(LinguisticSuites.NAMES), Set.copyOf(files.stream().map(SuiteFile::nameOf).toList()));
        for (Path f : files) {
            Suite s = SuiteFile.read(f);
            String header = String.join("\n", s.header());
            assertTrue(header.contains("license: "), f + " names a license");
            assertTrue(header.contains("seed: 42"), f + " names its seed");
            assertTrue(header.contains("command: topos suites build --out suites --seed 42"), f + " names its command");
        }
    }
}
