package dev.topos.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.util.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.jsonl}: one JSON object per logged step, each line flushed as it is written.
 * On resume the lines after the checkpoint's step are dropped (atomically), so a resumed run's
 * log equals that of a run that was never interrupted.
 */
public final class MetricsLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    private MetricsLog(BufferedWriter out) {
        this.out = out;
    }

    /** Opens the log for appending after keeping only lines with step &lt;= {@code keepUpTo} (-1: start empty). */
    public static MetricsLog open(Path file, long keepUpTo) throws IOException {
        List<String> kept = new ArrayList<>();
        if (keepUpTo >= 0 && Files.exists(file)) {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + " line " + lineNo + ": not a JSON object: " + e.getMessage());
                }
                if (node.path("step").asLong(Long.MAX_VALUE) <= keepUpTo) {
                    kept.add(line);
                }
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        return new MetricsLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /** Appends {@code {"step": step, ...values}}. */
    public void log(long step, Map<String, ?> values) throws IOException {
        var node = JSON.createObjectNode();
        node.put("step", step);
        values.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        out.write(JSON.writeValueAsString(node));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
