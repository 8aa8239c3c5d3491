package dev.topos.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every experiment under {@code experiments/} resolves against its study and passes its checks (a
 * sweep: every variant), so a bundled run never stops on its own config after hours of others.
 */
class BundledExperimentsTest {
    @Test
    void everyBundledExperimentResolves() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("experiments"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "experiments/ holds the bundled experiments");
        for (Path file : files) {
            String source = file.toString();
            ObjectNode user = Configs.parse(Files.readString(file, StandardCharsets.UTF_8), source);
            assertDoesNotThrow(() -> Studies.of(user, source).resolve(user, source), source);
        }
    }
}
