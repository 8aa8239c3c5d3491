package dev.topos.experiment.topoformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topos.analysis.language.MinimalPairAccuracy;
import dev.topos.analysis.topo.Pca;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.suites.AgreementPairs;
import dev.topos.data.suites.BrownLexicon;
import dev.topos.data.suites.MinimalPairs;
import dev.topos.data.text.BrownCorpus;
import dev.topos.data.text.PretrainingTexts;
import dev.topos.data.text.ReviewSplit;
import dev.topos.experiment.AnalysisInputs;
import dev.topos.data.TokenizedSet;
import dev.topos.model.TopoformerBert;
import dev.topos.report.LineChart;
import dev.topos.report.MapMosaic;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.ReportTable;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.Checkpoints;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;

/**
 * The analysis stage of a Topoformer-BERT run: loads the latest checkpoint and the same model at
 * initialisation (step 0, same seed), scores both on the masked validation sequences (loss,
 * perplexity, masked-token accuracy), probes every site of every layer of both with the test suites
 * ({@link BertSuiteProbe}), draws the selectivity maps (layers x suites, per site) and the principal
 * components of the keys per layer, and writes {@code summary.json}, {@code sections.json} and
 * {@code report.html}.
 *
 * <p>Summary keys: {@code val_loss}, {@code val_ppl}, {@code val_acc}; per layer and site
 * {@code moran.layer<l>.<site>} (and {@code moran_smoothed.}, {@code tgi.}), their means over the
 * layers {@code moran.<site>}; the same at initialisation under {@code init.} and the difference
 * trained - initial under {@code gain.}; each suite's values under {@code suite.<name>.}.
 */
final class TopoformerBertAnalysis {
    private static final String FIGURES = "figures/";
    private static final int TILE = 120;
    /** Validation sequences the attention entropy is measured on. */
    private static final int ATTENTION_SEQUENCES = 64;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The per-site statistics whose means over layers are headline numbers. */
    private static final List<String> STATISTICS = List.of("moran", "moran_smoothed", "tgi");
    /** Where the selectivity maps' colour scale saturates: p &lt; 1e-10, as in the 1-layer study. */
    private static final double SELECTIVITY_CAP = TopoformerAnalysis.SELECTIVITY_CAP;

    private TopoformerBertAnalysis() {}

    static Path run(Path runDir, TopoformerBertStudyConfig cfg, PretrainingData data, AnalysisInputs extra)
            throws IOException {
        Path checkpoint = new Checkpoints(runDir).latest()
                .orElseThrow(() -> new IOException(runDir + ": no checkpoint to analyse; train first"));
        SuiteProbe.Suites suites = SuiteProbe.read(cfg.analysis().suites(), extra.suites());
        Optional<PairSource> pairSource = minimalPairs(cfg, extra);
        List<MinimalPairs.Pair> pairs = pairSource.map(PairSource::pairs).orElse(List.of());
        TopoformerBert initial = TopoformerBertStudy.model(cfg);
        TopoformerBert model = TopoformerBertStudy.model(cfg);
        try (PointerScope ignored = new PointerScope()) {
            Checkpoints.loadParameters(Checkpoints.load(checkpoint), model.parameters(), checkpoint.toString());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", cfg.model().label());
        long steps = Checkpoints.stepOf(checkpoint);
        summary.put("train_steps", steps);
        summary.put("train_tokens", steps * cfg.batch() * cfg.model().length());
        summary.put("epochs", (double) steps * cfg.batch() / data.corpus().train().length);
        summary.put("params", model.parameterCount());
        summary.putAll(data.corpus().summary().flat());

        System.out.println("scoring " + data.validation().inputs().length + " masked validation sequences");
        MlmScore score = MlmScore.of(model, data.validation(), cfg.analysis().evalBatch());
        MlmScore atInit = MlmScore.of(initial, data.validation(), cfg.analysis().evalBatch());
        summary.put("val_loss", score.loss());
        summary.put("val_ppl", score.perplexity());
        summary.put("val_acc", score.accuracy());
        summary.put("val_positions", score.positions());
        summary.put("init.val_loss", atInit.loss());
        summary.put("init.val_acc", atInit.accuracy());
        attention(summary, "", AttentionSharpness.of(model, data.validation(), ATTENTION_SEQUENCES,
                cfg.analysis().evalBatch()));
        attention(summary, "init.", AttentionSharpness.of(initial, data.validation(), ATTENTION_SEQUENCES,
                cfg.analysis().evalBatch()));
        List<FineTuning.Result> finetuned = FineTuning.run(runDir, cfg, data, checkpoint, System.out::println);
        for (FineTuning.Result r : finetuned) {
            String p = "finetune." + r.task() + ".";
            summary.put(p + "test_acc", r.testAcc());
            summary.put(p + "val_acc", r.valAcc());
            summary.put(p + "updates", r.updates());
            summary.put(p + "train_examples", r.trainExamples());
            summary.put(p + "test_examples", r.testExamples());
        }

        List<String> sites = BertSites.of(cfg.model().layers());
        System.out.println("probing " + sites.size() + " sites with " + (suites.configured().size()
                + suites.extra().size()) + " test suites, trained and at initialisation");
        SuiteProbe.Results trained = BertSuiteProbe.run(model, cfg, data.tokenizer(), suites, runDir);
        SuiteProbe.Results born = BertSuiteProbe.run(initial, cfg, data.tokenizer(), suites, runDir);
        trained.summarise(summary, sites);
        siteMeans(summary, cfg.model().layers());
        Map<String, Object> init = new LinkedHashMap<>();
        born.summarise(init, sites);
        siteMeans(init, cfg.model().layers());
        for (Map.Entry<String, Object> e : init.entrySet()) {
            if (STATISTICS.stream().anyMatch(s -> e.getKey().startsWith(s + "."))) {
                summary.put("init." + e.getKey(), e.getValue());
                summary.put("gain." + e.getKey(), (double) summary.get(e.getKey()) - (double) e.getValue());
            }
        }

        Writer w = new Writer(runDir, cfg, compared(runDir, cfg));
        List<ReportSection> sections = new ArrayList<>();
        sections.add(w.mlmSection(summary, data));
        if (!finetuned.isEmpty()) {
            sections.add(w.fineTuningSection(summary, finetuned));
        }
        if (!pairs.isEmpty()) {
            System.out.println("scoring " + pairs.size() + " minimal pairs: " + pairSource.get().description());
            MinimalPairAccuracy acc = MinimalPairAccuracy.of(pairs,
                    PseudoLogLikelihood.of(model, data.tokenizer(), pairs.stream().map(MinimalPairs.Pair::good).toList()),
                    PseudoLogLikelihood.of(model, data.tokenizer(), pairs.stream().map(MinimalPairs.Pair::bad).toList()));
            summary.put("minimal_pairs.acc", acc.overall());
            summary.put("minimal_pairs.pairs", acc.pairs());
            acc.byUid().forEach((k, v) -> summary.put("minimal_pairs." + k, v));
            acc.byField().forEach((k, v) -> summary.put("minimal_pairs." + k, v));
            sections.add(w.minimalPairsSection(summary, acc, pairs, pairSource.get().description()));
        }
        sections.add(w.topographySection(summary));
        sections.addAll(w.selectivitySections(trained, born));
        sections.add(w.pcaSection(model, data));
        AtomicFiles.writeString(runDir.resolve(RunReport.SUMMARY_FILE), JSON.writeValueAsString(summary) + "\n");
        Sections.write(runDir.resolve(Sections.FILE_NAME), sections);
        return RunReport.write(runDir, TopoformerBertStudy.KEY_FIGURES);
    }

    /**
     * Minimal pairs and where they come from.
     *
     * @param description a folder, or how the pairs were built
     * @param pairs       the pairs
     */
    record PairSource(String description, List<MinimalPairs.Pair> pairs) {}

    /**
     * The minimal pairs to score, named by {@code --minimal-pairs}, else by {@code
     * analysis.minimal_pairs}: {@value TopoformerBertStudyConfig#AGREEMENT} (agreement pairs built from
     * the IMDB reviews held out of pretraining, {@link AgreementPairs}), a folder in BLiMP's format, or
     * nothing; at most {@code analysis.minimal_pairs_max} a file or paradigm.
     */
    static Optional<PairSource> minimalPairs(TopoformerBertStudyConfig cfg, AnalysisInputs extra) throws IOException {
        int max = cfg.analysis().minimalPairsMax();
        String source = extra.minimalPairs().map(Path::toString).orElse(cfg.analysis().minimalPairs());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.equals(TopoformerBertStudyConfig.AGREEMENT)) {
            DataStore store = DataStore.standard(System.out::println);
            ReviewSplit split = PretrainingTexts.imdbSplit(store, cfg.data().imdbSplit(), cfg.data().imdbSeed());
            BrownLexicon lexicon = new BrownLexicon(BrownCorpus.load(store.require("brown")));
            return Optional.of(new PairSource("agreement pairs built from the IMDB reviews held out of pretraining"
                    + " (one word changed: this/these, that/those before a noun, is/are, was/were after a noun)",
                    AgreementPairs.build(PretrainingTexts.imdbHeldOut(split), lexicon,
                            max == 0 ? TopoformerBertStudyConfig.BUILT_PAIRS : max, cfg.seed())));
        }
        return Optional.of(new PairSource(source, MinimalPairs.read(Path.of(source), max)));
    }

    /** {@code <prefix>attention.entropy} and {@code <prefix>attention.entropy.layer<l>}. */
    private static void attention(Map<String, Object> summary, String prefix, AttentionSharpness a) {
        summary.put(prefix + "attention.entropy", a.mean());
        for (int l = 0; l < a.perLayer().length; l++) {
            summary.put(prefix + "attention.entropy.layer" + l, a.perLayer()[l]);
        }
    }

    /** {@code <statistic>.<site>}: the mean over layers of {@code <statistic>.layer<l>.<site>}. */
    static void siteMeans(Map<String, Object> summary, int layers) {
        for (String statistic : STATISTICS) {
            for (String site : TopoformerBert.LAYERS) {
                double sum = 0;
                int n = 0;
                for (int l = 0; l < layers; l++) {
                    Object v = summary.get(statistic + "." + BertSites.name(l, site));
                    if (v != null) {
                        sum += (double) v;
                        n++;
                    }
                }
                if (n > 0) {
                    summary.put(statistic + "." + site, sum / n);
                }
            }
        }
    }

    private static Map<String, JsonNode> compared(Path runDir, TopoformerBertStudyConfig cfg) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String name : cfg.analysis().compareWith()) {
            ComparedRuns.summary(runDir, name).ifPresent(s -> out.put(name, s));
        }
        return out;
    }

    /** Draws figures and builds the report sections of one run, beside the runs it is compared with. */
    private record Writer(Path runDir, TopoformerBertStudyConfig cfg, Map<String, JsonNode> others) {
        private int side() {
            return cfg.model().side();
        }

        /** This run's row, then one per compared run, of {@code keys} from each summary. */
        private List<List<Object>> rows(Map<String, Object> summary, List<String> keys) {
            List<List<Object>> rows = new ArrayList<>();
            List<Object> own = new ArrayList<>(List.of("this run (" + summary.get("model") + ")"));
            keys.forEach(k -> own.add(summary.getOrDefault(k, Double.NaN)));
            rows.add(own);
            for (Map.Entry<String, JsonNode> o : others.entrySet()) {
                List<Object> row = new ArrayList<>(List.of(o.getKey() + " (" + o.getValue().path("model").asText()
                        + ")"));
                keys.forEach(k -> row.add(o.getValue().path(k).isNumber() ? o.getValue().path(k).asDouble()
                        : Double.NaN));
                rows.add(row);
            }
            return rows;
        }

        ReportSection mlmSection(Map<String, Object> summary, PretrainingData data) {
            String text = String.format(Locale.ROOT, "Masked-language modelling (Devlin et al. 2019) on %,d "
                            + "training sequences of %d WordPiece tokens (%s), %d updates of %d sequences (%.2f epochs). "
                            + "Scored on %,d held-out sequences, masked once with the run's seed (%.0f%% of the "
                            + "non-special positions, 80%% [MASK], 10%% random, 10%% kept): loss in nats per masked "
                            + "token, perplexity exp(loss), and the share of masked tokens predicted exactly. Chance "
                            + "perplexity is the vocabulary's size, %,d. The aim (Binhuraib, Tuckute & Blauch 2024): "
                            + "Topoformer-BERT on par with its non-topographic control, here within 2 points of "
                            + "masked-token accuracy of the dense control.",
                    data.corpus().train().length, cfg.model().length(), String.join(", ", data.corpus().summary().sources()
                            .stream().map(c -> c.name()).toList()),
                    (long) summary.get("train_steps"), cfg.batch(), (double) summary.get("epochs"),
                    data.validation().inputs().length, 100 * cfg.maskRate(), cfg.model().vocabulary());
            text += String.format(Locale.ROOT, " Attention entropy: each position's attention entropy over its"
                    + " sequence divided by ln T, the entropy of uniform attention (1: the layer averages the whole"
                    + " sequence), over %d validation sequences and the layers; spatial querying's pooled queries"
                    + " (M / ||M||_F has eigenvalues of root mean square 1 / sqrt(N)) flatten the scores unless"
                    + " the query and key weights grow to make up for it.", ATTENTION_SEQUENCES);
            List<String> keys = List.of("val_acc", "val_loss", "val_ppl", "attention.entropy",
                    "init.attention.entropy", "train_steps", "params");
            return new ReportSection("Masked-language modelling", text, List.of(), List.of(new ReportTable(
                    "Validation", List.of("run", "masked-token accuracy", "loss", "perplexity", "attention entropy",
                    "attention entropy at initialisation", "updates", "parameters"), rows(summary, keys))));
        }

        ReportSection fineTuningSection(Map<String, Object> summary, List<FineTuning.Result> results) {
            List<String> columns = new ArrayList<>(List.of("task", "test accuracy", "validation accuracy",
                    "training examples", "updates", "test examples"));
            others.keySet().forEach(name -> columns.add("test accuracy " + name));
            List<List<Object>> rows = new ArrayList<>();
            for (FineTuning.Result r : results) {
                List<Object> row = new ArrayList<>(List.of(r.task(), r.testAcc(), r.valAcc(), r.trainExamples(),
                        r.updates(), r.testExamples()));
                String key = "finetune." + r.task() + ".test_acc";
                others.values().forEach(o -> row.add(o.path(key).isNumber() ? o.path(key).asDouble() : Double.NaN));
                rows.add(row);
            }
            String text = String.format(Locale.ROOT, "The pretrained model fine-tuned to classify sentiment, whole"
                    + " (encoder and a new head: tanh pooler on [CLS], linear classifier), %d epoch(s) at lr %.0e,"
                    + " batch %d, warm-up over %.0f%% of the updates then a cosine fall (the reference's GLUE recipe);"
                    + " texts cut to %d WordPiece tokens. IMDB: the reviews held out of the pretraining corpus are"
                    + " its validation and test splits. UCI: 3,000 labelled sentences from IMDB, Amazon and Yelp"
                    + " (Kotzias et al. 2015). Chance is 0.5. The aim: IMDB >= 0.85, Topoformer-BERT within 1 point"
                    + " of the dense control.", cfg.finetune().epochs(), cfg.finetune().lr(), cfg.finetune().batch(),
                    100 * cfg.finetune().warmup(), cfg.model().length());
            return new ReportSection("Fine-tuning", text, List.of(), List.of(new ReportTable("Sentiment", columns,
                    rows)));
        }

        ReportSection minimalPairsSection(Map<String, Object> summary, MinimalPairAccuracy acc,
                                          List<MinimalPairs.Pair> pairs, String source) {
            Map<String, String> fieldOf = new LinkedHashMap<>();
            Map<String, Integer> count = new LinkedHashMap<>();
            for (MinimalPairs.Pair p : pairs) {
                fieldOf.putIfAbsent(p.uid(), p.field());
                count.merge(p.uid(), 1, Integer::sum);
            }
            List<String> columns = new ArrayList<>(List.of("paradigm (UID)", "field", "pairs", "accuracy"));
            others.keySet().forEach(columns::add);
            List<List<Object>> rows = new ArrayList<>();
            List<String> groups = new ArrayList<>(List.of("acc"));
            groups.addAll(acc.byField().keySet());
            groups.addAll(acc.byUid().keySet());
            for (String g : groups) {
                String key = "minimal_pairs." + g;
                List<Object> row = new ArrayList<>(g.equals("acc") ? List.of("all", "", acc.pairs(), acc.overall())
                        : acc.byField().containsKey(g) ? List.of("(field)", g, "", summary.get(key))
                        : List.of(g, fieldOf.get(g), count.get(g), summary.get(key)));
                others.values().forEach(o -> row.add(o.path(key).isNumber() ? o.path(key).asDouble() : Double.NaN));
                rows.add(row);
            }
            String text = "Minimal pairs in BLiMP's form (Warstadt et al. 2020): " + source + ". Each sentence"
                    + " scored by its pseudo-log-likelihood (Salazar et al. 2020): every WordPiece masked in turn, the"
                    + " log-probabilities of the original pieces summed. A pair is right when the good sentence scores"
                    + " higher; chance is 0.5. The aim: well above chance for every model, Topoformer-BERT within 2"
                    + " points of the dense control.";
            return new ReportSection("Minimal pairs", text, List.of(), List.of(new ReportTable("Accuracy", columns,
                    rows)));
        }

        ReportSection topographySection(Map<String, Object> summary) throws IOException {
            List<List<Object>> perSite = new ArrayList<>();
            for (String site : TopoformerBert.LAYERS) {
                if (!summary.containsKey("moran." + site)) {
                    continue;
                }
                List<Object> row = new ArrayList<>(List.of(site, summary.get("moran." + site),
                        summary.get("init.moran." + site), summary.get("gain.moran." + site),
                        summary.get("moran_smoothed." + site), summary.get("tgi." + site)));
                others.values().forEach(o -> row.add(o.path("moran." + site).asDouble(Double.NaN)));
                perSite.add(row);
            }
            List<String> columns = new ArrayList<>(List.of("site", "Moran's I", "at initialisation",
                    "trained - initial", "Moran's I (smoothed)", "TGI"));
            others.keySet().forEach(name -> columns.add("Moran's I " + name));
            List<List<Object>> perLayer = new ArrayList<>();
            for (int l = 0; l < cfg.model().layers(); l++) {
                for (String site : TopoformerBert.LAYERS) {
                    String key = BertSites.name(l, site);
                    if (summary.containsKey("moran." + key)) {
                        perLayer.add(List.of(l, site, summary.get("moran." + key), summary.get("init.moran." + key),
                                summary.get("gain.moran." + key), summary.get("tgi." + key),
                                summary.get("init.tgi." + key)));
                    }
                }
            }
            String file = FIGURES + "moran_per_layer.png";
            LineChart chart = new LineChart("Moran's I of the suites' t-maps, per layer", "layer", "Moran's I");
            double[] x = IntStream.range(0, cfg.model().layers()).asDoubleStream().toArray();
            for (String site : TopoformerBert.LAYERS) {
                double[] trained = perLayer(summary, "moran.", site);
                if (Arrays.stream(trained).allMatch(Double::isFinite)) {
                    chart.series(site, x, trained);
                }
            }
            for (String site : List.of("key", "attn_out")) {
                chart.series(site + " at initialisation", x, perLayer(summary, "init.moran.", site));
            }
            chart.writePng(runDir.resolve(file), 640, 400);
            String text = "Mean over the " + cfg.analysis().suites().size() + " configured test suites and over the "
                    + cfg.model().layers() + " layers: Moran's I of each suite's Welch t-map (queen contiguity on the "
                    + side() + " x " + side() + " sheet), beside the same model at initialisation (step 0, same seed)."
                    + " Spatial reweighting makes a layer's output smooth by construction, so part of the topography"
                    + " is there before training; the difference is what training adds. TGI: -Spearman(unit-unit"
                    + " response correlation, sheet distance). Anchors (TopoLM repository, Moran's I of"
                    + " Topoformer-BERT): keys 0.83-0.85, attention output 0.38-0.44; a non-topographic model"
                    + " 0.11-0.12. The aims: keys >= 0.5 for Topoformer-BERT, <= 0.15 for the dense control.";
            return new ReportSection("Topography of every layer", text,
                    List.of(new ReportFigure(file, "Moran's I per layer and site; at initialisation for keys and"
                            + " attention output")),
                    List.of(new ReportTable("Per site, mean over layers", columns, perSite),
                            new ReportTable("Per layer and site", List.of("layer", "site", "Moran's I",
                                    "at initialisation", "trained - initial", "TGI", "TGI at initialisation"),
                                    perLayer)));
        }

        private double[] perLayer(Map<String, Object> summary, String prefix, String site) {
            return IntStream.range(0, cfg.model().layers()).mapToDouble(l -> {
                Object v = summary.get(prefix + BertSites.name(l, site));
                return v == null ? Double.NaN : (double) v;
            }).toArray();
        }

        /**
         * Per site, the selectivity maps of every layer (rows) and suite (columns), trained; keys also
         * at initialisation. One colour scale for all.
         */
        List<ReportSection> selectivitySections(SuiteProbe.Results trained, SuiteProbe.Results born)
                throws IOException {
            List<SuiteProbe.SuiteResult> all = trained.all();
            double strongest = all.stream().flatMap(s -> s.layers().values().stream())
                    .flatMapToDouble(r -> Arrays.stream(r.map())).filter(Double::isFinite).map(Math::abs).max()
                    .orElse(0);
            // a scale for maps that are all 0 (e.g. a suite whose words are all unknown to the vocabulary)
            double max = strongest > 0 ? Math.min(SELECTIVITY_CAP, strongest) : 1;
            List<ReportSection> out = new ArrayList<>();
            List<ReportFigure> figures = new ArrayList<>();
            for (String site : TopoformerBert.LAYERS) {
                if (!all.get(0).layers().containsKey(BertSites.name(0, site))) {
                    continue;
                }
                figures.add(mosaic(all, site, max, "selectivity_" + site + ".png", "trained"));
                if (site.equals("key")) {
                    figures.add(mosaic(born.all(), site, max, "selectivity_key_init.png", "at initialisation"));
                }
            }
            String text = "Each unit's selectivity for each suite's contrast: a Welch t-test between the two"
                    + " conditions' token-averaged activations (WordPiece pieces between [CLS] and [SEP]), drawn as"
                    + " sign(t) (-log10 p) on the sheet (red: condition A higher, blue: B higher). Rows are layers"
                    + " (first at the top), columns suites. One colour scale, +-"
                    + String.format(Locale.ROOT, "%.3g", max) + ", for every map of every site.";
            out.add(new ReportSection("Selectivity maps, layers x suites", text, figures, List.of()));
            return out;
        }

        private ReportFigure mosaic(List<SuiteProbe.SuiteResult> suites, String site, double max, String name,
                                    String when) throws IOException {
            int layers = cfg.model().layers();
            double[][] maps = new double[layers * suites.size()][];
            List<String> titles = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                for (int s = 0; s < suites.size(); s++) {
                    SuiteProbe.LayerResult r = suites.get(s).layers().get(BertSites.name(l, site));
                    maps[l * suites.size() + s] = r.map();
                    titles.add(String.format(Locale.ROOT, "L%d %s I=%.2f", l, abbreviation(suites.get(s).name()),
                            r.moran()));
                }
            }
            String file = FIGURES + name;
            MapMosaic.symmetric(SheetMaps.of(maps, side()), titles).columns(suites.size()).range(-max, max)
                    .colorBar("sign(t) (-log10 p), Welch t-test of condition A vs B")
                    .writePng(runDir.resolve(file), suites.size() * 2 * TILE, layers * TILE + MapMosaic.BAR_STRIP);
            return new ReportFigure(file, "Selectivity of the " + site + " units, " + when + ": layers (rows) x suites"
                    + " (columns: " + String.join(", ", suites.stream().map(s -> s.name()).toList())
                    + "), Moran's I in each title");
        }

        /** A suite's name short enough for a tile's title: each side of "-vs-" cut to 5 characters. */
        private static String abbreviation(String suite) {
            return Arrays.stream(suite.split("-vs-")).map(p -> p.length() > 5 ? p.substring(0, 5) : p)
                    .reduce((a, b) -> a + "/" + b).orElse(suite);
        }

        /**
         * PCA of the keys of every layer over validation sequences, each sequence's keys averaged over
         * its tokens (as the reference's {@code visualize_pcs.py}), the components' unit weights drawn
         * on the sheet: rows layers, columns components.
         */
        ReportSection pcaSection(TopoformerBert model, PretrainingData data) throws IOException {
            int[][] held = data.corpus().validation();
            int n = Math.min(cfg.analysis().pcaExamples(), held.length);
            int[] lengths = new int[n];
            Arrays.fill(lengths, cfg.model().length());
            TokenizedSet sequences = new TokenizedSet(Arrays.copyOf(held, n), lengths, new int[n]);
            List<String> keys = IntStream.range(0, cfg.model().layers()).mapToObj(l -> BertSites.name(l, "key"))
                    .toList();
            Map<String, double[][]> acts = Activations.tokenAveraged(sequences, cfg.analysis().evalBatch(), keys,
                    b -> BertSites.forward(model, b));
            int k = Math.min(cfg.analysis().pcaComponents(), n - 1);
            List<double[]> weights = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            for (int l = 0; l < keys.size(); l++) {
                Pca pca = Pca.fit(acts.get(keys.get(l)), k);
                double[] ratio = pca.explainedVarianceRatio();
                for (int c = 0; c < pca.components(); c++) {
                    weights.add(pca.weights()[c]);
                    titles.add(String.format(Locale.ROOT, "L%d PC%d %.0f%%", l, c + 1, 100 * ratio[c]));
                }
                rows.add(List.of(l, ratio[0], Arrays.stream(ratio).sum()));
            }
            String file = FIGURES + "pca_keys.png";
            MapMosaic.symmetric(SheetMaps.of(weights.toArray(double[][]::new), side()), titles).columns(k)
                    .sharedScale().colorBar("unit weight of the component (unit-norm vector)")
                    .writePng(runDir.resolve(file), k * TILE, keys.size() * TILE + MapMosaic.BAR_STRIP);
            String text = "PCA of the keys of " + n + " validation sequences, each sequence's keys averaged over its"
                    + " tokens (sequences x units), per layer; each component's unit weights drawn on the sheet"
                    + " (red positive, blue negative). Topographic layers give smooth, low-frequency components;"
                    + " a dense control gives salt-and-pepper ones.";
            return new ReportSection("Principal components of the keys", text,
                    List.of(new ReportFigure(file, "Principal components of the keys: layers (rows) x components")),
                    List.of(new ReportTable("PCA per layer", List.of("layer", "variance PC1",
                            "variance PC1-" + k), rows)));
        }
    }
}
