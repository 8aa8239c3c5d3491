package dev.topos.experiment.topoformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.config.Configs;
import dev.topos.experiment.AnalysisInputs;
import dev.topos.experiment.StudyConfigs;
import dev.topos.analysis.topo.Selectivity;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.text.SplitFractions;
import dev.topos.model.Topoformer;
import dev.topos.model.TopoformerConfig;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.TrainConfig;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny Topoformer run end to end on synthetic reviews whose sentiment is one word: train,
 * evaluate, probe with suite files, report; then a user's extra suite through analyze.
 */
class TopoformerStudyTest {
    private static final String[] FILLER = {"the", "film", "was", "a", "plot", "actor", "and", "it", "scene", "story"};
    @TempDir
    Path tmp;

    @AfterEach
    void clearDataRoot() {
        System.clearProperty(DataStore.ROOT_PROPERTY);
    }

    @Test
    void tinyRunLearnsTheSentimentWordAndReportsTopography() throws Exception {
        Path cache = tmp.resolve("cache");
        System.setProperty(DataStore.ROOT_PROPERTY, cache.toString());
        DataStore.standard(s -> { }).importFrom("imdb", writeReviews(tmp.resolve("imdb"), 400));
        Path suiteA = writeSuite(tmp.resolve("good-vs-bad.tsv"), "great", "awful");
        Path suiteB = writeSuite(tmp.resolve("actor-vs-scene.tsv"), "actor", "scene");
        Path extra = writeSuite(tmp.resolve("mine.tsv"), "great actor", "awful actor");

        TopoformerStudyConfig cfg = tinyConfig(suiteA, suiteB);
        Path run = tmp.resolve("run");
        train(cfg, run);

        JsonNode summary = new ObjectMapper().readTree(run.resolve(RunReport.SUMMARY_FILE).toFile());
        assertTrue(summary.path("test_acc").asDouble() > 0.9, "one word decides the label: " + summary);
        double scale = summary.path("selectivity_max_abs").asDouble();
        assertTrue(scale > -Math.log10(0.05) && scale <= Selectivity.MAX_MAP_VALUE,
                "the shared scale is the strongest unit's -log10 p, and one word makes some unit significant: " + scale);
        assertTrue(Files.exists(run.resolve(ImdbData.VOCABULARY_FILE)), "the vocabulary is saved with the run");
        for (String layer : Topoformer.LAYERS) {
            for (String key : List.of("moran.", "moran_smoothed.", "tgi.")) {
                double v = summary.path(key + layer).asDouble(Double.NaN);
                assertTrue(v >= -1 && v <= 1, key + layer + " = " + v + " in " + summary);
            }
            assertEquals((summary.path("suite.good-vs-bad.moran." + layer).asDouble()
                    + summary.path("suite.actor-vs-scene.moran." + layer).asDouble()) / 2,
                    summary.path("moran." + layer).asDouble(), 1e-12, "the headline is the mean over suites");
        }
        List<ReportSection> sections = Sections.read(run.resolve(Sections.FILE_NAME));
        assertEquals(List.of("Accuracy", "Topography", "Selectivity maps: query", "Selectivity maps: key",
                "Selectivity maps: value", "Selectivity maps: attn_out", "Selectivity maps: ffn_out",
                "Principal components"), sections.stream().map(ReportSection::title).toList());
        for (ReportSection section : sections) {
            for (ReportFigure figure : section.figures()) {
                assertTrue(Files.isRegularFile(run.resolve(figure.file())), figure.file());
            }
        }
        assertTrue(Files.isRegularFile(run.resolve("suites/good-vs-bad.tsv")), "suites analysed are kept with the run");

        new TopoformerStudy().analyze(run, AnalysisInputs.suites(List.of(extra)));
        JsonNode again = new ObjectMapper().readTree(run.resolve(RunReport.SUMMARY_FILE).toFile());
        assertTrue(again.path("suite.mine.moran.key").isNumber(), "the user's suite is analysed: " + again);
        assertEquals(summary.path("moran.key").asDouble(), again.path("moran.key").asDouble(), 1e-12,
                "an extra suite leaves the headline means over the configured suites");
        assertFalse(Files.readString(run.resolve(RunReport.REPORT_FILE)).contains("Missing figure"));

        // Suites are checked before data or model: a bad or clashing one changes nothing in the run.
        byte[] summaryBytes = Files.readAllBytes(run.resolve(RunReport.SUMMARY_FILE));
        Path broken = Files.writeString(tmp.resolve("broken.tsv"), "great\tgood\nno tab here\n");
        String m = assertThrows(IOException.class, () -> new TopoformerStudy().analyze(run, AnalysisInputs.suites(List.of(broken))))
                .getMessage();
        assertTrue(m.contains(broken.toString()) && m.contains("line 2"), m);
        Path clash = writeSuite(tmp.resolve("clash").resolve("nouns-vs-verbs.tsv"), "great", "awful");
        m = assertThrows(IOException.class, () -> new TopoformerStudy().analyze(run, AnalysisInputs.suites(List.of(clash)))).getMessage();
        assertTrue(m.contains("named 'nouns-vs-verbs'"), m);
        Path same = writeSuite(tmp.resolve("clash").resolve("good-vs-bad.tsv"), "great", "awful");
        m = assertThrows(IOException.class, () -> new TopoformerStudy().analyze(run, AnalysisInputs.suites(List.of(same)))).getMessage();
        assertTrue(m.contains("named 'good-vs-bad'"), "a configured suite's name: " + m);
        assertArrayEquals(summaryBytes, Files.readAllBytes(run.resolve(RunReport.SUMMARY_FILE)));
        assertFalse(Files.exists(run.resolve("suites/broken.tsv")));

        Path untrained = Files.createDirectories(tmp.resolve("untrained"));
        Files.copy(run.resolve("config.yaml"), untrained.resolve("config.yaml"));
        m = assertThrows(IOException.class, () -> new TopoformerStudy().analyze(untrained, AnalysisInputs.NONE)).getMessage();
        assertTrue(m.contains("no checkpoint to analyse"), m);
    }

    /** Two runs of one config, one after the other in one JVM, write the same checkpoint bytes. */
    @Test
    void twinRunsWriteIdenticalCheckpoints() throws Exception {
        System.setProperty(DataStore.ROOT_PROPERTY, tmp.resolve("cache").toString());
        DataStore.standard(s -> { }).importFrom("imdb", writeReviews(tmp.resolve("imdb"), 400));
        Path suite = writeSuite(tmp.resolve("good-vs-bad.tsv"), "great", "awful");
        TopoformerStudyConfig cfg = tinyConfig(suite, suite);
        train(cfg, tmp.resolve("a"));
        train(cfg, tmp.resolve("b"));
        String last = "checkpoints/step-00000040.safetensors";
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(last)),
                Files.readAllBytes(tmp.resolve("b").resolve(last)), "the twins' final checkpoints");
    }

    /** 40 updates of a 100-unit Topoformer on batches of 16 reviews, probed with two suites. */
    private static TopoformerStudyConfig tinyConfig(Path suiteA, Path suiteB) {
        TopoformerStudyConfig cfg = new TopoformerStudyConfig("topoformer", "tiny", 3,
                new TopoformerStudyConfig.Data("imdb", new SplitFractions(0.6, 0.2, 0.2), 1),
                new TopoformerConfig(100, 32, 12, 0.3, 0.3, "circular", false, false, true, 0.0, 0.0, 2), 16,
                new TrainConfig(40, 1e-2, 1, 1000, 0.9, 0.999, 0.01, 1, 10, 20, 1),
                new TopoformerStudyConfig.Analysis(List.of(suiteA.toString(), suiteB.toString()), 100, 0, 0.05, true, 2, 50,
                        3, 64, ""));
        cfg.validate("");
        return cfg;
    }

    private static void train(TopoformerStudyConfig cfg, Path run) throws Exception {
        Files.createDirectories(run);
        Files.writeString(run.resolve(StudyConfigs.FILE), Configs.toYaml(cfg));
        new TopoformerStudy().run(run, Configs.treeOf(cfg), false);
    }

    /** {@code n} reviews in the package's reviews.json format; the label is carried by one word. */
    private static Path writeReviews(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        Rng rng = new Rng(9);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            StringBuilder text = new StringBuilder("review " + i + " <br />");
            for (int w = 0; w < 6; w++) {
                text.append(' ').append(FILLER[rng.nextInt(FILLER.length)]);
            }
            text.append(label == 1 ? " great" : " awful");
            items.add("{\"t\": \"" + text + "\", \"s\": " + label + "}");
        }
        Files.writeString(dir.resolve("reviews.json"), "[" + String.join(",\n", items) + "]");
        return dir;
    }

    /**
     * 100 items per condition: "{a} x y" vs "{b} x y" for the 100 pairs of filler words x, y;
     * the words must be in the vocabulary, or both conditions are all {@code <unk>} and every t is 0.
     */
    private static Path writeSuite(Path file, String a, String b) throws Exception {
        StringBuilder s = new StringBuilder("# test suite\n");
        for (String word : List.of(a, b)) {
            for (int k = 0; k < 100; k++) {
                s.append(word).append(' ').append(FILLER[k % 10]).append(' ').append(FILLER[k / 10])
                        .append('\t').append(word).append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.toString());
        return file;
    }
}
