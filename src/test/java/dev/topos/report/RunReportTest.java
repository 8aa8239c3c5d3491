package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]*)\"");

    @TempDir
    Path run;

    @Test
    void writesSelfContainedReport() throws Exception {
        Files.writeString(run.resolve(RunReport.CONFIG_FILE), "name: tiny <run>\nmodel:\n  d_model: 64\n");
        Files.writeString(run.resolve(RunReport.SUMMARY_FILE),
                "{\"final_loss\": 0.125, \"steps\": 200, \"note\": \"<b>best</b> & done\"}");
        writeMetrics(20);
        MapMosaic.minMax(new double[][][] {{{0, 1}, {2, 3}}}, List.of("unit 0"))
                .writePng(run.resolve("figures/maps 1.png"), 200, 200);
        Sections.write(run.resolve(Sections.FILE_NAME), List.of(
                new ReportSection("Topography", "Maps are smooth.\nTags like <b> stay text.",
                        List.of(new ReportFigure("figures/maps 1.png", "Unit maps")),
                        List.of(new ReportTable("Smoothness", List.of("layer", "score"),
                                List.of(List.of("L1", 0.75), List.of("L2", 0.5))))),
                new ReportSection("Not drawn yet", "", List.of(new ReportFigure("figures/absent.png", "")), List.of())));

        Path report = RunReport.write(run);

        assertEquals(run.resolve(RunReport.REPORT_FILE), report);
        String html = Files.readString(report);
        assertTrue(html.contains("<h1>tiny &lt;run&gt;</h1>"), "title from config name");
        for (String expected : List.of("final_loss", "0.125", "200", "&lt;b&gt;best&lt;/b&gt; &amp; done",
                "d_model: 64", "Training curves", "Topography", "Smoothness", "0.75", "Not drawn yet",
                "Tags like &lt;b&gt; stay text.", "Missing figure: figures/absent.png")) {
            assertTrue(html.contains(expected), "report should contain " + expected);
        }
        assertFalse(html.contains("<b>"), "raw markup from inputs must be escaped");
        assertFalse(html.contains("<script"), "no JavaScript");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");

        List<String> sources = imageSources(html);
        assertEquals(List.of("figures/curves_loss.png", "figures/curves_acc.png", "figures/curves_lr.png",
                "figures/curves_steps_per_s.png", "figures/maps 1.png"), sources, "one quantity per chart");
        for (String src : sources) {
            assertTrue(Files.isRegularFile(run.resolve(src)), "img src exists: " + src);
        }
        assertPng(run.resolve("figures/curves_loss.png"), CurveFigures.WIDTH, CurveFigures.HEIGHT);
        assertTrue(html.contains("lr: lr") && html.contains("steps_per_s: steps_per_s"), html);
        assertFalse(Files.exists(run.resolve("figures/curves_batch.png")), "a constant key is not drawn");
        try (Stream<Path> files = Files.walk(run)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void emptyFolderGivesReportTitledByFolder() throws Exception {
        String html = Files.readString(RunReport.write(run));
        assertTrue(html.contains("<h1>" + ReportHtml.escape(run.getFileName().toString()) + "</h1>"));
        assertFalse(html.contains("<img"));
    }

    @Test
    void malformedMetricsLineIsReportedWithItsNumber() throws Exception {
        writeMetrics(2);
        Files.writeString(run.resolve(RunReport.METRICS_FILE), "{\"step\": 3, \"loss\": oops}\n",
                StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> RunReport.write(run));
        assertTrue(e.getMessage().contains(RunReport.METRICS_FILE + " line 3"), e.getMessage());
        assertFalse(Files.exists(run.resolve(RunReport.REPORT_FILE)));
    }

    /** Training lines with loss, acc, lr, speed and a constant; an eval line every fifth step. */
    private void writeMetrics(int steps) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int step = 1; step <= steps; step++) {
            lines.append(String.format(Locale.ROOT,
                    "{\"step\": %d, \"loss\": %.4f, \"acc\": %.3f, \"lr\": %.6f, \"steps_per_s\": %.1f, \"batch\": 32}%n",
                    step, 3.0 / step, 1.0 - 1.0 / step, 1e-3 * step / steps, 10.0 + step % 3));
            if (step % 5 == 0) {
                lines.append(String.format(Locale.ROOT,
                        "{\"step\": %d, \"eval.loss\": %.4f, \"eval.acc_visited\": %.3f}%n", step, 3.5 / step, 0.9));
            }
        }
        Files.writeString(run.resolve(RunReport.METRICS_FILE), lines);
    }

    private static List<String> imageSources(String html) {
        Matcher m = IMG_SRC.matcher(html);
        return m.results().map(r -> URLDecoder.decode(r.group(1), StandardCharsets.UTF_8)).toList();
    }
}
