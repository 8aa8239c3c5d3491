package dev.topos.experiment.tem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.config.Configs;
import dev.topos.experiment.StudyConfigs;
import dev.topos.data.grid.StraightBiasPolicy;
import dev.topos.model.TemModelConfig;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny TEM-t run end to end: train, evaluate, analyse, report. */
class TemAnalysisTest {
    private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]*)\"");

    @TempDir
    Path run;

    @Test
    void tinyRunWritesSummarySectionsAndReport() throws Exception {
        TemConfig cfg = new TemConfig("tem", "tiny", 3,
                new TemConfig.World(2, 4, 5, 10, StraightBiasPolicy.NAME),
                new TemConfig.Walk(10, 2, 1, 10),
                new TemModelConfig("tem-t", 8, 4, 4, "relu", "additive", false, true, 5, 0.1, 32, 9, 6, false, false, 0.9, 0),
                new TrainConfig(20, 1e-3, 1, 1000, 0.9, 0.999, 0, 10, 5, 10, 2),
                new TemConfig.Eval(2, 120, 11, 5, 4, 10, 6, 120, 0), new TemConfig.Loss(1, 1, 0.01, 0.001, 0.1));
        cfg.validate("");
        Files.writeString(run.resolve(StudyConfigs.FILE), Configs.toYaml(cfg));

        new TemStudy().run(run, Configs.treeOf(cfg), false);

        JsonNode summary = new ObjectMapper().readTree(run.resolve(RunReport.SUMMARY_FILE).toFile());
        for (String key : List.of("acc_unvisited", "acc_visited", "acc_zero_shot")) {
            assertTrue(summary.path(key).isNumber(), key + " in " + summary);
            double acc = summary.path(key).asDouble();
            assertTrue(acc >= 0 && acc <= 1, key + " = " + acc);
        }
        assertEquals(240, summary.path("count_unvisited").asInt() + summary.path("count_visited").asInt());
        assertEquals(20, summary.path("train_steps").asLong());
        assertTrue(summary.path("params").asLong() > 0);
        assertTrue(summary.path("final_loss").isNumber());
        summary.fields().forEachRemaining(f -> assertTrue(f.getValue().isValueNode(), f.getKey() + " is flat"));

        List<ReportSection> sections = Sections.read(run.resolve(Sections.FILE_NAME));
        assertEquals(List.of("Accuracy on fresh worlds", "Spatial maps", "Memory neurons", "Remapping"),
                sections.stream().map(ReportSection::title).toList());
        for (ReportSection section : sections) {
            assertFalse(section.text().isBlank(), section.title() + " explains itself");
            for (ReportFigure figure : section.figures()) {
                assertTrue(Files.isRegularFile(run.resolve(figure.file())), figure.file());
            }
        }

        String html = Files.readString(run.resolve(RunReport.REPORT_FILE));
        assertFalse(html.contains("Missing figure"), "every referenced figure exists");
        Matcher img = IMG_SRC.matcher(html);
        int images = 0;
        while (img.find()) {
            assertTrue(Files.isRegularFile(run.resolve(img.group(1))), img.group(1));
            images++;
        }
        assertTrue(images >= 7, "curves, accuracy curves, maps, memory and remapping figures: " + images);
    }
}
