package dev.topos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.experiment.Study;
import dev.topos.report.RunReport;
import dev.topos.train.Checkpoints;
import dev.topos.train.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a run folder says about itself, for {@code topos runs} and {@code topos compare}: its study,
 * state, steps reached of those configured, key figures, wall time and start date.
 *
 * @param dir     the run folder
 * @param config  its resolved config
 * @param study   the study that made it
 * @param state   complete, running, incomplete or failed (see {@link #stateOf})
 * @param steps   the last checkpoint's step, or -1 if it has none
 * @param figures the study's {@link Study#keyFigures} present in summary.json, in that order
 * @param record  run.json, or null for a run made before runs recorded themselves
 */
record RunInfo(Path dir, ObjectNode config, Study study, String state, long steps, Map<String, JsonNode> figures,
               ObjectNode record) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How deep under a folder {@link #under} looks for run folders. */
    static final int DEPTH = 4;

    static RunInfo of(Path dir) throws IOException {
        ObjectNode config = RunFolder.readConfig(dir);
        Study study = RunFolder.study(dir);
        ObjectNode record = RunRecord.read(dir);
        Path summaryFile = dir.resolve(RunReport.SUMMARY_FILE);
        JsonNode summary = Files.isRegularFile(summaryFile) ? JSON.readTree(summaryFile.toFile()) : null;
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        if (summary != null) {
            for (String key : study.keyFigures()) {
                if (summary.has(key)) {
                    figures.put(key, summary.get(key));
                }
            }
        }
        long steps = new Checkpoints(dir).latest().map(Checkpoints::stepOf).orElse(-1L);
        return new RunInfo(dir, config, study, stateOf(record, summary != null, RunLock.held(dir)), steps, figures,
                record);
    }

    /**
     * The state run.json records; "running" there without a live process holding the folder means
     * the process was killed (incomplete). A run from before run.json is complete if it has a summary.
     */
    static String stateOf(JsonNode record, boolean hasSummary, boolean held) {
        String recorded = record == null ? null : record.path("state").asText(null);
        if (held) {
            return RunRecord.State.RUNNING.id();
        }
        if (recorded == null) {
            return hasSummary ? RunRecord.State.COMPLETE.id() : RunRecord.State.INCOMPLETE.id();
        }
        return recorded.equals(RunRecord.State.RUNNING.id()) ? RunRecord.State.INCOMPLETE.id() : recorded;
    }

    /** The run folders under {@code root} (those with a config.yaml; not looking inside one), sorted by path. */
    static List<Path> under(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": no such folder");
        }
        List<Path> found = new ArrayList<>();
        collect(root, 0, found);
        return found;
    }

    private static void collect(Path dir, int depth, List<Path> found) throws IOException {
        if (Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            found.add(dir);
            return;
        }
        if (depth == DEPTH) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                collect(child, depth + 1, found);
            }
        }
    }

    /** {@code done/total} steps, e.g. {@code 300/1200}, or {@code -/1200} without a checkpoint. */
    String stepsText() {
        JsonNode total = config.at("/train/steps");
        return (steps < 0 ? "-" : Long.toString(steps)) + (total.isNumber() ? "/" + total.asLong() : "");
    }

    /** The key figures as {@code key=value}, numbers to 4 significant digits. */
    String figuresText() {
        List<String> parts = new ArrayList<>();
        figures.forEach((k, v) -> parts.add(k + "=" + value(v)));
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    /** Wall time over all sessions, or {@code -} if unrecorded. */
    String wallText() {
        if (record == null || !record.hasNonNull("wall_s")) {
            return "-";
        }
        double s = record.get("wall_s").asDouble();
        return s < 120 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    /** The day the run started (run.json), else config.yaml's modification day. */
    String dateText() throws IOException {
        if (record != null && record.hasNonNull("started")) {
            return record.get("started").asText().substring(0, 10);
        }
        return Files.getLastModifiedTime(dir.resolve(RunFolder.CONFIG)).toInstant().toString().substring(0, 10);
    }

    static String value(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return Double.isFinite(d) ? new java.math.BigDecimal(d).round(new java.math.MathContext(4))
                    .stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        return v.isTextual() ? v.asText() : v.toString();
    }
}
