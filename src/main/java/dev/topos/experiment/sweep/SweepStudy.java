package dev.topos.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.ConfigException;
import dev.topos.config.Configs;
import dev.topos.experiment.Studies;
import dev.topos.experiment.Study;
import dev.topos.experiment.StudyConfigs;
import dev.topos.report.LineChart;
import dev.topos.report.MetricsLog;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.ReportTable;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code study: sweep}: trains every variant of a base experiment as its own run, in order, then
 * writes a report tabling the chosen summary keys of all variants and overlaying their curves. A
 * variant whose report already exists is skipped, and one with checkpoints resumes, so an
 * interrupted sweep continues with {@code topos run ... --resume}. Every variant's config is
 * resolved and checked before the first one trains.
 */
public final class SweepStudy implements Study {
    private static final String VARIANTS = "variants";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public ObjectNode resolve(ObjectNode userConfig, String source) {
        ObjectNode resolved = StudyConfigs.resolve(SweepConfig.defaults(), everyVariant(userConfig), SweepConfig.class,
                source);
        SweepConfig cfg = Configs.bind(resolved, SweepConfig.class, source);
        for (SweepConfig.Variant v : cfg.variants()) {
            variantConfig(cfg, v, source);
        }
        return resolved;
    }

    /**
     * The user's config with every top-level key that is not the sweep's own (e.g. {@code train}
     * from {@code --set train.steps=10}) moved into {@code every}, which each variant applies last.
     */
    static ObjectNode everyVariant(ObjectNode userConfig) {
        ObjectNode out = userConfig.deepCopy();
        ObjectNode every = out.get("every") instanceof ObjectNode e ? e : Configs.yaml().createObjectNode();
        for (String key : out.properties().stream().map(Map.Entry::getKey).toList()) {
            if (!SweepConfig.KEYS.contains(key)) {
                ObjectNode one = Configs.yaml().createObjectNode();
                one.set(key, out.remove(key));
                every = Configs.merge(every, one);
            }
        }
        out.set("every", every);
        return out;
    }

    /** The variant's resolved config (its study key first), checked by its own study. */
    static ObjectNode variantConfig(SweepConfig cfg, SweepConfig.Variant v, String source) {
        String where = source + " (variant '" + v.name() + "')";
        ObjectNode user = Configs.merge(Configs.override(cfg.base(), v.set()), cfg.every());
        user.put("name", cfg.name() + "-" + v.name());
        Study study = Studies.of(user, where);
        ObjectNode out = Configs.yaml().createObjectNode().put("study", study.name());
        out.setAll(study.resolve(user, where));
        return out;
    }

    @Override
    public void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException {
        String source = runDir.resolve(StudyConfigs.FILE).toString();
        SweepConfig cfg = Configs.bind(resolvedConfig, SweepConfig.class, source);
        for (SweepConfig.Variant v : cfg.variants()) {
            Path dir = runDir.resolve(VARIANTS).resolve(v.name());
            ObjectNode resolved = variantConfig(cfg, v, source);
            Path config = dir.resolve(StudyConfigs.FILE);
            if (Files.exists(dir.resolve(RunReport.REPORT_FILE))) {
                System.out.println("Variant " + v.name() + ": done (" + dir + "), skipped");
                continue;
            }
            boolean started = Files.exists(config);
            if (started && !Configs.differences(Configs.parse(Files.readString(config), config.toString()), resolved)
                    .isEmpty()) {
                throw new ConfigException(config + ": variant '" + v.name() + "' was started with another config; "
                        + "move that folder away to start it again");
            }
            Files.createDirectories(dir);
            AtomicFiles.writeString(config, Configs.toYaml(resolved));
            System.out.println("Variant " + v.name() + (started ? ": resuming " : ": running ") + dir);
            Studies.of(resolved, config.toString()).run(dir, resolved, started);
        }
        writeReport(runDir, cfg);
    }

    @Override
    public void analyze(Path runDir) throws IOException {
        SweepConfig cfg = StudyConfigs.read(runDir, SweepConfig.class);
        for (SweepConfig.Variant v : cfg.variants()) {
            Path dir = runDir.resolve(VARIANTS).resolve(v.name());
            ObjectNode resolved = Configs.parse(Files.readString(dir.resolve(StudyConfigs.FILE)), dir.toString());
            Studies.of(resolved, dir.toString()).analyze(dir);
        }
        writeReport(runDir, cfg);
    }

    /** summary.json ({@code <variant>.<key>}), the results table, one figure per curve key, and report.html. */
    static Path writeReport(Path runDir, SweepConfig cfg) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        Map<String, MetricsLog> logs = new LinkedHashMap<>();
        for (SweepConfig.Variant v : cfg.variants()) {
            Path dir = runDir.resolve(VARIANTS).resolve(v.name());
            JsonNode s = JSON.readTree(dir.resolve(RunReport.SUMMARY_FILE).toFile());
            List<Object> row = new ArrayList<>();
            row.add(v.name());
            row.add(String.join(", ", v.set()));
            for (String key : cfg.report()) {
                JsonNode value = s.get(key);
                row.add(value == null ? "-" : value.isNumber() ? fmt(value.asDouble()) : value.asText());
                if (value != null) {
                    summary.put(v.name() + "." + key, value.isNumber() ? value.asDouble() : value.asText());
                }
            }
            rows.add(row);
            Path metrics = dir.resolve(RunReport.METRICS_FILE);
            if (Files.exists(metrics)) {
                logs.put(v.name(), MetricsLog.read(metrics));
            }
        }
        List<String> columns = new ArrayList<>(List.of("variant", "changes"));
        columns.addAll(cfg.report());
        Files.createDirectories(runDir.resolve("figures"));
        List<ReportFigure> figures = new ArrayList<>();
        for (String key : cfg.curves()) {
            LineChart chart = new LineChart(key + " during training", "update", key);
            boolean any = false;
            for (Map.Entry<String, MetricsLog> e : logs.entrySet()) {
                for (MetricsLog.Curve c : e.getValue().curves()) {
                    if (c.key().equals(key)) {
                        chart.series(e.getKey(), c.steps(), c.values());
                        any = true;
                    }
                }
            }
            if (any) {
                String file = "figures/sweep_" + key + ".png";
                chart.writePng(runDir.resolve(file), 800, 450);
                figures.add(new ReportFigure(file, key + " of every variant (window means of metrics.jsonl)."));
            }
        }
        StringBuilder links = new StringBuilder("Each variant is a full run with its own report: ");
        for (SweepConfig.Variant v : cfg.variants()) {
            links.append(VARIANTS).append('/').append(v.name()).append("/report.html ");
        }
        List<ReportSection> sections = List.of(new ReportSection("Results", links.toString().trim(), figures,
                List.of(new ReportTable("Variants of " + cfg.base().get("study").asText(), columns, rows))));
        AtomicFiles.writeString(runDir.resolve(RunReport.SUMMARY_FILE),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        Sections.write(runDir.resolve(Sections.FILE_NAME), sections);
        return RunReport.write(runDir);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
