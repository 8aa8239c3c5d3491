package dev.topos.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.train.Compute;
import dev.topos.train.RunRecord;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html} for a run folder.
 *
 * <p>Reads, when present: {@code config.yaml} (the resolved config; its {@code name} field titles
 * the report), {@code summary.json} (a flat object of final numbers and strings),
 * {@code metrics.jsonl} (see {@link MetricsLog}; drawn as {@code figures/curves_*.png}, one
 * chart for keys containing "loss", one for "acc", one for the other keys that vary),
 * {@code compute.json} (engine, device and precision; see {@link Compute}) and
 * {@code sections.json} (see {@link Sections}). Missing files are skipped; malformed ones fail
 * with an error naming the file.
 *
 * <p>The page holds, in order: the title, the run's provenance ({@code run.json}, see
 * {@link RunRecord}) with a warning if it did not complete, the key figures (when the caller names
 * them), the training curves, every section of {@code sections.json} with its text, tables and
 * figures, then the full summary, what it computed on and the config.
 */
public final class RunReport {
    public static final String REPORT_FILE = "report.html";
    public static final String CONFIG_FILE = "config.yaml";
    public static final String SUMMARY_FILE = "summary.json";
    public static final String METRICS_FILE = "metrics.jsonl";

    private static final ObjectMapper YAML = new YAMLMapper();

    private RunReport() {
    }

    /**
     * Draws the curves and writes the report (atomically) into {@code runDir}.
     *
     * @return the path of the written {@code report.html}
     * @throws IOException if {@code runDir} is not a folder, or a present file cannot be read or
     *     parsed (the message names the file, and for {@code metrics.jsonl} the line)
     */
    public static Path write(Path runDir) throws IOException {
        return write(runDir, List.of());
    }

    /**
     * {@link #write(Path)} led by a table of the summary keys {@code keyFigures} (those present), the
     * figures that matter for the study; the full summary comes last.
     */
    public static Path write(Path runDir, List<String> keyFigures) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IOException("not a run folder: " + runDir);
        }
        Path config = runDir.resolve(CONFIG_FILE);
        Path summary = runDir.resolve(SUMMARY_FILE);
        Path metrics = runDir.resolve(METRICS_FILE);
        Path sections = runDir.resolve(Sections.FILE_NAME);

        String configText = Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : null;
        ReportHtml html = new ReportHtml(title(configText, config, runDir), runDir);
        ObjectNode record = RunRecord.read(runDir);
        if (record != null) {
            html.provenance(provenance(record));
            String state = record.path("state").asText();
            if (!state.equals(RunRecord.State.COMPLETE.id())) {
                html.warning("This run is " + (state.equals(RunRecord.State.RUNNING.id())
                        ? "not finished (still running, or killed before it could say so)" : state)
                        + (record.hasNonNull("detail") ? ": " + record.get("detail").asText() : "")
                        + "; the figures below are from what it had done.");
            }
        }
        if (Files.exists(summary) && !keyFigures.isEmpty()) {
            ReportTable all = summaryTable(summary);
            List<List<Object>> rows = all.rows().stream().filter(r -> keyFigures.contains(String.valueOf(r.get(0))))
                    .sorted(java.util.Comparator.comparingInt(r -> keyFigures.indexOf(String.valueOf(r.get(0)))))
                    .toList();
            if (!rows.isEmpty()) {
                html.section(new ReportSection("Key figures", "", List.of(), List.of(
                        new ReportTable("", all.columns(), rows))));
            }
        }
        if (Files.exists(metrics)) {
            List<ReportFigure> curves = CurveFigures.draw(MetricsLog.read(metrics), runDir);
            if (!curves.isEmpty()) {
                html.section(new ReportSection("Training curves", "", curves, List.of()));
            }
        }
        if (Files.exists(sections)) {
            Sections.read(sections).forEach(html::section);
        }
        if (Files.exists(summary)) {
            html.section(new ReportSection("All summary values", "Every number of summary.json.", List.of(),
                    List.of(summaryTable(summary))));
        }
        Path compute = runDir.resolve(Compute.FILE);
        if (Files.exists(compute)) {
            html.section(new ReportSection("Computed on", "The engine, device and precision the run trained in.",
                    List.of(), List.of(summaryTable(compute))));
        }
        if (configText != null) {
            html.preformatted("Config", configText);
        }
        Path report = runDir.resolve(REPORT_FILE);
        byte[] page = html.toHtml().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(report, out -> out.write(page));
        return report;
    }

    /**
     * One line of the run's provenance ({@link RunRecord}): Topos build, times, machine, engine,
     * seed and data.
     */
    static String provenance(JsonNode r) {
        StringBuilder b = new StringBuilder("Topos ").append(r.path("topos_version").asText());
        b.append(r.hasNonNull("commit") ? ", commit " + r.get("commit").asText().substring(0, 12)
                + (r.path("dirty").asBoolean(false) ? " (uncommitted changes)" : "") : ", no git commit");
        b.append(" · started ").append(r.path("started").asText());
        if (r.hasNonNull("ended")) {
            b.append(", ended ").append(r.get("ended").asText());
        }
        int sessions = r.path("sessions").asInt(1);
        double wall = r.path("wall_s").asDouble();
        b.append(wall < 120 ? String.format(Locale.ROOT, ", wall %.0f s", wall)
                        : String.format(Locale.ROOT, ", wall %.1f min", wall / 60))
                .append(sessions > 1 ? " over " + sessions + " sessions" : "");
        b.append(" · ").append(r.path("cpu").asText()).append(", ").append(r.path("cores").asInt()).append(" cores, ")
                .append(r.path("memory_gib").asText()).append(" GiB");
        if (r.hasNonNull("engine")) {
            b.append(" · ").append(r.get("engine").asText()).append(' ').append(r.path("engine_version").asText())
                    .append(" on ").append(r.path("device").asText()).append(", ").append(r.path("precision").asText());
        }
        if (r.hasNonNull("seed")) {
            b.append(" · seed ").append(r.get("seed").asLong());
        }
        r.path("data").fields().forEachRemaining(e -> b.append(" · data ").append(e.getKey()).append(" (")
                .append(e.getValue().path("source").asText()).append(e.getValue().hasNonNull("sha256")
                        ? ", sha256 " + e.getValue().get("sha256").asText().substring(0, 12) + "…" : "").append(')'));
        return b.toString();
    }

    /** The config's {@code name}, else the folder's name. */
    private static String title(String configText, Path config, Path runDir) throws IOException {
        if (configText != null && !configText.isBlank()) {
            JsonNode name = parse(YAML, configText, config).path("name");
            if (name.isValueNode() && !name.asText().isBlank()) {
                return name.asText();
            }
        }
        return runDir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** A flat JSON object (summary.json, compute.json) as a two-column table; nested values are shown as JSON. */
    private static ReportTable summaryTable(Path summary) throws IOException {
        JsonNode root = parse(Json.MAPPER, Files.readString(summary, StandardCharsets.UTF_8), summary);
        if (!root.isObject()) {
            throw new IOException(summary + ": expected a JSON object");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            Object cell = value.isNumber() ? value.numberValue() : value.isTextual() ? value.asText() : value.toString();
            rows.add(List.of(field.getKey(), cell));
        }
        return new ReportTable("", List.of("key", "value"), rows);
    }

    private static JsonNode parse(ObjectMapper mapper, String text, Path file) throws IOException {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
