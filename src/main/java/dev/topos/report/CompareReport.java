package dev.topos.report;

import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare.html}: runs side by side — the tables the caller made (key figures, config
 * differences), then one chart per training-log key overlaying every run that logged it.
 */
public final class CompareReport {
    public static final String FILE = "compare.html";

    private CompareReport() {}

    /**
     * Writes {@code out/compare.html} and its figures.
     *
     * @param runs   the runs' labels and folders, in order (each chart's series)
     * @param tables the tables to lead the page with
     * @return the written page
     */
    public static Path write(Path out, Map<String, Path> runs, List<ReportTable> tables) throws IOException {
        Files.createDirectories(out);
        ReportHtml html = new ReportHtml("Comparison of " + String.join(", ", runs.keySet()), out);
        html.section(new ReportSection("Runs", String.join("\n", runs.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().toAbsolutePath().normalize()).toList()), List.of(), tables));
        Map<String, MetricsLog> logs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : runs.entrySet()) {
            Path metrics = e.getValue().resolve(RunReport.METRICS_FILE);
            if (Files.isRegularFile(metrics)) {
                logs.put(e.getKey(), MetricsLog.read(metrics));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        logs.values().forEach(log -> log.curves().forEach(c -> keys.add(c.key())));
        List<ReportFigure> figures = new ArrayList<>();
        for (String key : keys) {
            LineChart chart = new LineChart(key, "step", key);
            logs.forEach((label, log) -> log.curves().stream().filter(c -> c.key().equals(key)).findFirst()
                    .ifPresent(c -> chart.series(label, c.steps(), c.values())));
            String file = CurveFigures.FOLDER + "/compare_" + key.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
            chart.writePng(out.resolve(file), CurveFigures.WIDTH, CurveFigures.HEIGHT);
            figures.add(new ReportFigure(file, key + " against the update, one line a run"));
        }
        if (!figures.isEmpty()) {
            html.section(new ReportSection("Training curves", "", figures, List.of()));
        }
        Path page = out.resolve(FILE);
        byte[] bytes = html.toHtml().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(page, o -> o.write(bytes));
        return page;
    }
}
