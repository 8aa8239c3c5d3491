package dev.topos.experiment.topoformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.config.Configs;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.text.BertVocabulary;
import dev.topos.data.text.BertWordPiece;
import dev.topos.data.text.MlmMasking;
import dev.topos.data.text.SplitFractions;
import dev.topos.experiment.StudyConfigs;
import dev.topos.model.TopoformerBert;
import dev.topos.model.TopoformerBertConfig;
import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.TrainConfig;
import dev.topos.util.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny Topoformer-BERT pretrained end to end on a toy corpus whose every word is predictable from
 * its neighbours (a fixed cycle of ten words), with its own vocabulary and suites: it must learn
 * the masked words, and write every figure; then its dense control beside it, and twin runs.
 */
class TopoformerBertStudyTest {
    private static final List<String> CYCLE = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
            "theta", "iota", "kappa");
    @TempDir
    Path tmp;

    @AfterEach
    void clearDataRoot() {
        System.clearProperty(DataStore.ROOT_PROPERTY);
    }

    @Test
    void tinyRunLearnsTheToyCorpusAndReportsEveryLayer() throws Exception {
        System.setProperty(DataStore.ROOT_PROPERTY, tmp.resolve("cache").toString());
        DataStore store = DataStore.standard(m -> { });
        store.importFrom("imdb", writeReviews(tmp.resolve("imdb")));
        store.importFrom("uci-sentences", writeUciSentences(tmp.resolve("uci")));
        Path run = tmp.resolve("topo");
        TopoformerBertStudyConfig base = tinyConfig("topographic", List.of("dense"));
        TopoformerBertStudyConfig cfg = new TopoformerBertStudyConfig(base.study(), base.name(), base.seed(), base.data(),
                base.model(), base.batch(), base.maskRate(), base.train(),
                new TopoformerBertStudyConfig.FineTune(List.of("imdb", "uci"), 3e-3, 16, 2, 0.1, 160,
                        new SplitFractions(0.6, 0.2, 0.2)), base.analysis());
        train(cfg, run);

        JsonNode s = new ObjectMapper().readTree(run.resolve(RunReport.SUMMARY_FILE).toFile());
        assertTrue(s.path("val_acc").asDouble() > 0.8, "every masked word follows from its neighbours: " + s);
        assertTrue(s.path("init.val_acc").asDouble() < 0.3, "at initialisation it guesses: " + s);
        assertEquals(Math.exp(s.path("val_loss").asDouble()), s.path("val_ppl").asDouble(), 1e-9);
        assertEquals(1200L * 16 * 16, s.path("train_tokens").asLong());
        for (String site : TopoformerBert.LAYERS) {
            double mean = (s.path("moran.layer0." + site).asDouble() + s.path("moran.layer1." + site).asDouble()) / 2;
            assertEquals(mean, s.path("moran." + site).asDouble(), 1e-12, "the site's headline is the mean over layers");
            assertEquals(s.path("moran." + site).asDouble() - s.path("init.moran." + site).asDouble(),
                    s.path("gain.moran." + site).asDouble(), 1e-12);
            double perSuite = (s.path("suite.first-vs-second.moran.layer1." + site).asDouble()
                    + s.path("suite.third-vs-fourth.moran.layer1." + site).asDouble()) / 2;
            assertEquals(perSuite, s.path("moran.layer1." + site).asDouble(), 1e-12, "a layer's value is the mean over suites");
        }
        assertTrue(s.path("minimal_pairs.acc").asDouble() >= 0.9, "the cycle's order is learnt: " + s);
        for (String task : List.of("imdb", "uci")) {
            assertTrue(s.path("finetune." + task + ".test_acc").asDouble() > 0.9, "one word decides the label: " + s);
        }
        assertEquals(160, s.path("finetune.imdb.train_examples").asInt(), "at most finetune.max_train examples");
        assertEquals(20, s.path("finetune.imdb.updates").asInt(), "2 epochs of 160 / 16");
        assertTrue(Files.isRegularFile(run.resolve("finetune/imdb-from-step-1200/checkpoints/step-00000020.safetensors")));
        assertEquals(20, s.path("minimal_pairs.pairs").asInt());
        assertTrue(s.path("minimal_pairs.order").isNumber() && s.path("minimal_pairs.syntax").isNumber(), s.toString());
        assertTrue(Files.isRegularFile(run.resolve(PretrainingData.VOCABULARY_FILE)));
        JsonNode corpus = new ObjectMapper().readTree(run.resolve(PretrainingData.CORPUS_FILE).toFile());
        assertEquals(40, corpus.path("total").path("documents").asInt(), "the run records its corpus: " + corpus);
        assertEquals(0, corpus.path("total").path("duplicates").asInt());

        List<ReportSection> sections = Sections.read(run.resolve(Sections.FILE_NAME));
        assertEquals(List.of("Masked-language modelling", "Fine-tuning", "Minimal pairs", "Topography of every layer", "Selectivity maps, layers x suites",
                "Principal components of the keys"), sections.stream().map(ReportSection::title).toList());
        List<String> figures = new ArrayList<>();
        for (ReportSection section : sections) {
            for (ReportFigure figure : section.figures()) {
                assertTrue(Files.isRegularFile(run.resolve(figure.file())), figure.file());
                figures.add(figure.file());
            }
        }
        assertEquals(List.of("figures/moran_per_layer.png", "figures/selectivity_query.png",
                "figures/selectivity_key.png", "figures/selectivity_key_init.png", "figures/selectivity_value.png",
                "figures/selectivity_attn_out.png", "figures/selectivity_ffn_out.png", "figures/pca_keys.png"), figures);

        // The dense control, same seed and data, beside it: the topographic run's report names it when analysed again.
        train(tinyConfig("dense", List.of("topo")), tmp.resolve("dense"));
        new TopoformerBertStudy().analyze(run);
        String report = Files.readString(run.resolve(RunReport.REPORT_FILE));
        assertTrue(report.contains("dense (dense)"), "the compared run is tabled");
        assertFalse(report.contains("Missing figure"));
        JsonNode again = new ObjectMapper().readTree(run.resolve(RunReport.SUMMARY_FILE).toFile());
        for (String key : List.of("finetune.imdb.test_acc", "finetune.imdb.val_acc", "finetune.uci.test_acc", "val_acc",
                "minimal_pairs.acc")) {
            assertEquals(s.path(key).asDouble(), again.path(key).asDouble(), 0,
                    key + ": the reloaded fine-tuned models score as they did when trained");
        }
    }

    @Test
    void twinRunsWriteIdenticalCheckpoints() throws Exception {
        TopoformerBertStudyConfig cfg = tinyConfig("topographic", List.of());
        train(cfg, tmp.resolve("a"));
        train(cfg, tmp.resolve("b"));
        String last = "checkpoints/step-00001200.safetensors";
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(last)),
                Files.readAllBytes(tmp.resolve("b").resolve(last)));
    }

    @Test
    void aVocabularyOfAnotherSizeIsRefusedByName() throws Exception {
        TopoformerBertStudyConfig good = tinyConfig("topographic", List.of());
        TopoformerBertConfig m = good.model();
        TopoformerBertStudyConfig bad = new TopoformerBertStudyConfig(good.study(), good.name(), good.seed(), good.data(),
                new TopoformerBertConfig(m.layers(), m.side(), m.ffn(), m.vocabulary() + 1, m.length(), m.sq(), m.sr(),
                        m.mask(), m.control(), m.bias(), m.embeddingNorm(), m.normEps(), m.dropout(), m.attnDropout()),
                good.batch(), good.maskRate(), good.train(), good.finetune(), good.analysis());
        String msg = assertThrows(IllegalArgumentException.class, () -> train(bad, tmp.resolve("bad"))).getMessage();
        assertTrue(msg.contains("model.vocabulary = " + (m.vocabulary() + 1)) && msg.contains("has " + m.vocabulary()),
                msg);
    }

    /**
     * The sparse prediction (encoder, then the head on the masked positions only) gives the logits
     * the full forward pass gives at those positions, and the score's loss is their mean
     * cross-entropy.
     */
    @Test
    void maskedPositionsScoreAsTheFullForwardPass() {
        TopoformerBertConfig c = new TopoformerBertConfig(2, 4, 8, 12, 6, 0.3, 0.3, "circular", "topographic", false,
                true, 1e-12, 0, 0);
        Engine.seed(5);
        TopoformerBert model = new TopoformerBert(c, new Rng(5));
        int[][] inputs = {{2, 7, 4, 9, 10, 3}, {2, 4, 11, 4, 6, 3}};
        int[][] targets = {{-1, 5, -1, -1, 8, -1}, {-1, -1, -1, 7, -1, -1}};
        MlmMasking.Masked masked = new MlmMasking.Masked(inputs, targets);
        try (PointerScope ignored = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            MaskedBatch b = MaskedBatch.of(masked, 0, 2);
            assertArrayEquals(new long[] {1, 4, 9}, Tensors.toLongs(b.positions()), "flat b * T + t");
            assertArrayEquals(new long[] {5, 8, 7}, Tensors.toLongs(b.targets()));
            Tensor sparse = b.logits(model, false);
            Tensor full = model.forward(b.ids(), b.real(), false).logits();
            double loss = 0;
            int[][] at = {{0, 1}, {0, 4}, {1, 3}};
            for (int m = 0; m < at.length; m++) {
                double[] row = Tensors.toDoubles(full.select(0, at[m][0]).select(0, at[m][1]));
                double[] got = Tensors.toDoubles(sparse.select(0, m));
                assertArrayEquals(row, got, 1e-5, "masked position " + m);
                double max = java.util.Arrays.stream(row).max().orElseThrow();
                double z = java.util.Arrays.stream(row).map(v -> Math.exp(v - max)).sum();
                loss += -(row[targets[at[m][0]][at[m][1]]] - max - Math.log(z));
            }
            MlmScore score = MlmScore.of(model, masked, 1);
            assertEquals(loss / 3, score.loss(), 1e-5);
            assertEquals(3, score.positions());
            double correct = 0;
            for (int m = 0; m < at.length; m++) {
                correct += torch.argmax(full.select(0, at[m][0]).select(0, at[m][1])).item_long()
                        == targets[at[m][0]][at[m][1]] ? 1 : 0;
            }
            assertEquals(correct / 3, score.accuracy(), 1e-12);
        }
    }

    /**
     * PLL by its definition, computed the slow way: for each piece, a sequence with that piece
     * masked through the full forward pass (logits at every position), log-softmax, the original
     * piece's log-probability, summed.
     */
    @Test
    void pseudoLogLikelihoodIsTheSumOfEachPieceMaskedInTurn() {
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "."));
        pieces.addAll(CYCLE);
        BertWordPiece tokenizer = new BertWordPiece(BertVocabulary.of(pieces));
        TopoformerBertConfig c = new TopoformerBertConfig(2, 4, 8, pieces.size(), 8, 0.3, 0.3, "circular",
                "topographic", false, true, 1e-12, 0, 0);
        Engine.seed(8);
        TopoformerBert model = new TopoformerBert(c, new Rng(8));
        List<String> sentences = List.of("alpha beta gamma.", "kappa", "zeta eta theta iota kappa alpha beta gamma");
        double[] pll = PseudoLogLikelihood.of(model, tokenizer, sentences);
        for (int s = 0; s < sentences.size(); s++) {
            int[] ids = tokenizer.encode(sentences.get(s), Math.min(8, tokenizer.encode(sentences.get(s)).length + 2));
            double expected = 0;
            for (int i = 1; i < ids.length - 1; i++) {
                long[] masked = new long[ids.length];
                for (int t = 0; t < ids.length; t++) {
                    masked[t] = t == i ? tokenizer.vocabulary().maskId() : ids[t];
                }
                try (PointerScope ignored = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                    Tensor logits = model.forward(Tensors.longs(masked, 1, ids.length), Tensors.ones(1, ids.length),
                            false).logits();
                    double[] row = Tensors.toDoubles(logits.select(0, 0).select(0, i));
                    double max = java.util.Arrays.stream(row).max().orElseThrow();
                    double z = java.util.Arrays.stream(row).map(v -> Math.exp(v - max)).sum();
                    expected += row[ids[i]] - max - Math.log(z);
                }
            }
            assertEquals(expected, pll[s], 1e-4, sentences.get(s));
        }
        assertEquals(6, tokenizer.encode(sentences.get(2), 8).length - 2, "the long sentence keeps length - 2 pieces");
    }

    /** 1,200 updates of a 2-layer model on a 6 x 6 sheet, sequences of 16, batches of 16. */
    private TopoformerBertStudyConfig tinyConfig(String control, List<String> compareWith) throws Exception {
        Path corpus = writeCorpus(tmp.resolve("corpus"));
        Path vocab = writeVocabulary(tmp.resolve("vocab.txt"));
        int v = BertVocabulary.readVocabTxt(vocab).size();
        boolean dense = control.equals("dense");
        TopoformerBertConfig model = new TopoformerBertConfig(2, 6, 48, v, 16, dense ? -1 : 0.3, dense ? -1 : 0.3,
                "circular", control, false, true, 1e-12, 0, 0);
        TopoformerBertStudyConfig cfg = new TopoformerBertStudyConfig("topoformer-bert", "tiny", 7,
                new TopoformerBertStudyConfig.Data(corpus.toString(), vocab.toString(), 0.1,
                        new SplitFractions(0.7, 0.1, 0.2), 42),
                model, 16, 0.15,
                new TrainConfig(1200, 1e-2, 1, 1000, 0.9, 0.98, 0.01, 0.5, 50, 600, 1, "triangular", 0.75, 0,
                        TrainConfig.NO_DECAY, "fp32", "cpu", 600),
                new TopoformerBertStudyConfig.FineTune(List.of(), 4e-5, 16, 1, 0.1, 0, new SplitFractions(0.7, 0.1, 0.2)),
                new TopoformerBertStudyConfig.Analysis(List.of(writeSuite("first-vs-second", 0, 1).toString(),
                        writeSuite("third-vs-fourth", 2, 3).toString()), 100, 0.05, 2, 32, 0, 20, 3, compareWith,
                        writeMinimalPairs().toString(), 0));
        cfg.validate("");
        return cfg;
    }

    private static void train(TopoformerBertStudyConfig cfg, Path run) throws Exception {
        Files.createDirectories(run);
        Files.writeString(run.resolve(StudyConfigs.FILE), Configs.toYaml(cfg));
        new TopoformerBertStudy().run(run, Configs.treeOf(cfg), false);
    }

    /** 40 documents, each the ten-word cycle from a different starting word, 200 + d words long (all distinct). */
    private static Path writeCorpus(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (int d = 0; d < 40; d++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 200 + d; w++) {
                text.append(CYCLE.get((d + w) % CYCLE.size())).append(w % 10 == 9 ? ".\n" : " ");
            }
            Files.writeString(dir.resolve(String.format("doc%02d.txt", d)), text.toString());
        }
        return dir;
    }

    private static Path writeVocabulary(Path file) throws Exception {
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "."));
        pieces.addAll(CYCLE);
        Files.write(file, pieces);
        return file;
    }

    /** 400 reviews of cycle words whose label is carried by one word: "alpha" positive, "kappa" negative. */
    private static Path writeReviews(Path dir) throws Exception {
        Files.createDirectories(dir);
        Rng rng = new Rng(4);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add("{\"t\": \"" + labelled(rng, i % 2, i) + "\", \"s\": " + (i % 2) + "}");
        }
        Files.writeString(dir.resolve("reviews.json"), "[" + String.join(",\n", items) + "]");
        return dir;
    }

    /** The UCI files' upstream layout, 100 sentences each, labelled as {@link #writeReviews}. */
    private static Path writeUciSentences(Path dir) throws Exception {
        Files.createDirectories(dir);
        Rng rng = new Rng(5);
        for (String file : List.of("imdb_labelled.txt", "amazon_cells_labelled.txt", "yelp_labelled.txt")) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                lines.append(labelled(rng, i % 2, i)).append('\t').append(i % 2).append('\n');
            }
            Files.writeString(dir.resolve(file), lines.toString());
        }
        return dir;
    }

    /** Six random middle cycle words, the label word, and a number that makes every text distinct. */
    private static String labelled(Rng rng, int label, int i) {
        StringBuilder text = new StringBuilder(CYCLE.get(1 + rng.nextInt(8)));
        for (int w = 0; w < 5; w++) {
            text.append(' ').append(CYCLE.get(1 + rng.nextInt(8)));
        }
        return text.append(' ').append(label == 1 ? "alpha" : "kappa").append(" n").append(i).toString();
    }

    /** 20 pairs: four cycle words in order vs the middle two swapped. */
    private Path writeMinimalPairs() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pairs"));
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < 20; k++) {
            List<String> w = List.of(CYCLE.get(k % 10), CYCLE.get((k + 1) % 10), CYCLE.get((k + 2) % 10),
                    CYCLE.get((k + 3) % 10));
            lines.append(String.format("{\"sentence_good\": \"%s %s %s %s\", \"sentence_bad\": \"%s %s %s %s\", "
                    + "\"field\": \"syntax\", \"UID\": \"order\"}%n", w.get(0), w.get(1), w.get(2), w.get(3),
                    w.get(0), w.get(2), w.get(1), w.get(3)));
        }
        Files.writeString(dir.resolve("order.jsonl"), lines.toString());
        return dir;
    }

    /** "{word a} x y" vs "{word b} x y" over pairs of cycle words x, y. */
    private Path writeSuite(String name, int a, int b) throws Exception {
        StringBuilder s = new StringBuilder("# test suite\n");
        for (int word : new int[] {a, b}) {
            for (int k = 0; k < 100; k++) {
                s.append(CYCLE.get(word)).append(' ').append(CYCLE.get(k % 10)).append(' ')
                        .append(CYCLE.get(k / 10)).append('\t').append(CYCLE.get(word)).append('\n');
            }
        }
        Path file = tmp.resolve("suites").resolve(name + ".tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.toString());
        return file;
    }
}
