package dev.topos.experiment.topoformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The summaries of other runs a report tables beside its own (e.g. a model's controls), by folder name. */
final class ComparedRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparedRuns() {}

    /**
     * The {@code summary.json} of run folder {@code name}, a sibling of {@code runDir}; empty (with a
     * line saying so) if that run has not written one yet.
     *
     * @throws UncheckedIOException naming the file if it exists but cannot be read
     */
    static Optional<JsonNode> summary(Path runDir, String name) {
        Path file = runDir.toAbsolutePath().getParent().resolve(name).resolve(RunReport.SUMMARY_FILE);
        if (!Files.exists(file)) {
            System.out.println("compare_with: " + file + " does not exist yet; the report leaves " + name + " out");
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
