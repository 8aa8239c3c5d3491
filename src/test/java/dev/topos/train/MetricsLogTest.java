package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
    @TempDir
    Path dir;

    private void logSteps(Path file, long keepUpTo, long... steps) throws IOException {
        try (MetricsLog log = MetricsLog.open(file, keepUpTo)) {
            for (long s : steps) {
                log.log(s, Map.of("loss", s / 10.0));
            }
        }
    }

    @Test
    void reopeningKeepsLinesUpToTheStepAndAppends() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        logSteps(file, -1, 5, 10, 15, 20);
        logSteps(file, 10, 15);
        assertEquals(List.of("{\"step\":5,\"loss\":0.5}", "{\"step\":10,\"loss\":1.0}", "{\"step\":15,\"loss\":1.5}"),
                Files.readAllLines(file));
    }

    @Test
    void minusOneStartsEmpty() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        logSteps(file, -1, 5, 10);
        logSteps(file, -1);
        assertEquals("", Files.readString(file));
    }

    @Test
    void aMalformedLineNamesTheFileAndLineNumber() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, "{\"step\":5,\"loss\":0.5}\n\n{\"step\":10,\"lo\n");
        IOException e = assertThrows(IOException.class, () -> MetricsLog.open(file, 10));
        assertTrue(e.getMessage().contains(file + " line 3"), e.getMessage());
        assertEquals("{\"step\":5,\"loss\":0.5}\n\n{\"step\":10,\"lo\n", Files.readString(file), "left untouched");
    }
}
