package dev.topos.experiment.topoformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topos.analysis.topo.Pca;
import dev.topos.analysis.topo.TopographyIndex;
import dev.topos.data.TokenizedSet;
import dev.topos.model.Topoformer;
import dev.topos.report.MapMosaic;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.ReportTable;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.Checkpoints;
import dev.topos.util.AtomicFiles;
import dev.topos.util.Rng;
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
 * The analysis stage of a Topoformer run (spec topoformer.md §5–§6): loads the latest checkpoint,
 * measures validation and test accuracy, probes every layer of {@link Topoformer#LAYERS} with the
 * linguistic test suites ({@link SuiteProbe}: selectivity t-maps, Moran's I, topography index) and
 * with PCA of test-review activations, and writes {@code summary.json}, {@code figures/*.png},
 * {@code sections.json} and {@code report.html}.
 */
public final class TopoformerAnalysis {
    private static final String FIGURES = "figures/";
    private static final int TILE = 110;
    /** Wide enough for a suite's name as the tile's title. */
    private static final int SUITE_TILE = 250;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopoformerAnalysis() {}

    /**
     * @param extraSuites the user's suite files, analysed beside the configured ones
     * @return the path of {@code report.html}
     */
    public static Path run(Path runDir, TopoformerStudyConfig cfg, ImdbData data, List<Path> extraSuites)
            throws IOException {
        Path checkpoint = new Checkpoints(runDir).latest()
                .orElseThrow(() -> new IOException(runDir + ": no checkpoint to analyse; train first"));
        Map<String, Object> summary = new LinkedHashMap<>();
        List<ReportSection> sections = new ArrayList<>();
        Topoformer model = TopoformerStudy.model(cfg, data.vocabulary().size());
        try (PointerScope ignored = new PointerScope()) {
            Checkpoints.loadParameters(Checkpoints.load(checkpoint), model.parameters(), checkpoint.toString());
        }
        int batch = cfg.analysis().evalBatch();
        TokenizedSet test = cfg.analysis().reviews(data.test());
        TokenizedSet validation = cfg.analysis().reviews(data.validation());
        System.out.println("evaluating on " + validation.size() + " validation and " + test.size() + " test reviews");
        summary.put("model", cfg.model().topographic() ? "topoformer" : "control");
        summary.put("test_acc", Activations.accuracy(model, test, batch));
        summary.put("val_acc", Activations.accuracy(model, validation, batch));
        summary.put("test_reviews", test.size());
        summary.put("val_reviews", validation.size());
        summary.put("params", model.parameterCount());
        summary.put("train_steps", Checkpoints.stepOf(checkpoint));
        summary.put("train_reviews", data.train().size());
        summary.put("vocabulary", data.vocabulary().size());
        Writer w = new Writer(runDir, cfg, model.config().side(), Writer.compared(runDir, cfg));
        sections.add(w.accuracySection(summary, data));
        SuiteProbe.Results suites = SuiteProbe.run(model, cfg, data.vocabulary(), runDir, extraSuites);
        suites.summarise(summary, Topoformer.LAYERS);
        sections.add(w.topographySection(suites, summary));
        sections.addAll(w.selectivitySections(suites, summary));
        sections.add(w.pcaSection(model, test, summary));
        AtomicFiles.writeString(runDir.resolve(RunReport.SUMMARY_FILE), JSON.writeValueAsString(summary) + "\n");
        Sections.write(runDir.resolve(Sections.FILE_NAME), sections);
        return RunReport.write(runDir, TopoformerStudy.KEY_FIGURES);
    }

    /** Draws figures and builds the report sections of one run. */
    /**
     * Where the selectivity maps' colour scale saturates: p < 1e-10. A strong contrast (sentences vs
     * nonwords reaches -log10 p = 200) would otherwise pale every other suite to white, even one with
     * significant units; 1.3 (p = 0.05) still shows at an eighth of the scale.
     */
    static final double SELECTIVITY_CAP = 10;
    /** The summary key of the largest |sign(t) (-log10 p)| over a run's selectivity maps. */
    static final String SELECTIVITY_MAX = "selectivity_max_abs";

    private record Writer(Path runDir, TopoformerStudyConfig cfg, int side, Optional<JsonNode> other) {
        ReportSection accuracySection(Map<String, Object> summary, ImdbData data) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("this run (" + summary.get("model") + ")", summary.get("test_acc"), summary.get("val_acc"),
                    summary.get("train_steps")));
            other.ifPresent(o -> rows.add(List.of(cfg.analysis().compareWith() + " (" + o.path("model").asText() + ")",
                    o.path("test_acc").asDouble(), o.path("val_acc").asDouble(), o.path("train_steps").asLong())));
            String text = String.format(Locale.ROOT, "IMDB reviews (Maas et al. 2011), deduplicated and split with"
                    + " seed %d: %s; accuracy over %s validation and %s test reviews. Sentiment is positive or"
                    + " negative, balanced, so chance is 0.5. The aim (Binhuraib, Tuckute & Blauch 2024): test"
                    + " accuracy >= 0.85 for both models, the Topoformer within 1 point of its dense control.",
                    cfg.seed(), data.split().describe(), summary.get("val_reviews"), summary.get("test_reviews"));
            return new ReportSection("Accuracy", text, List.of(), List.of(new ReportTable("Sentiment classification",
                    List.of("run", "test accuracy", "validation accuracy", "updates"), rows)));
        }

        ReportSection topographySection(SuiteProbe.Results suites, Map<String, Object> summary) {
            List<String> columns = new ArrayList<>(List.of("layer", "Moran's I", "Moran's I (smoothed)", "TGI"));
            other.ifPresent(o -> columns.addAll(List.of("Moran's I " + cfg.analysis().compareWith(),
                    "smoothed " + cfg.analysis().compareWith(), "TGI " + cfg.analysis().compareWith())));
            List<List<Object>> rows = new ArrayList<>();
            for (String layer : Topoformer.LAYERS) {
                List<Object> row = new ArrayList<>(List.of(layer, summary.get("moran." + layer),
                        summary.get("moran_smoothed." + layer), summary.get("tgi." + layer)));
                other.ifPresent(o -> row.addAll(List.of(o.path("moran." + layer).asDouble(Double.NaN),
                        o.path("moran_smoothed." + layer).asDouble(Double.NaN), o.path("tgi." + layer).asDouble(Double.NaN))));
                rows.add(row);
            }
            String text = "Mean over the " + suites.configured().size() + " configured test suites. Moran's I of each"
                    + " suite's Welch t-map (queen contiguity on the " + side + " x " + side + " sheet, no wrap),"
                    + " unsmoothed and after Gaussian smoothing with FWHM " + cfg.analysis().smoothingFwhm() + " units."
                    + " TGI: -Spearman(unit-unit response correlation over the suite's items, torus distance),"
                    + " mean over d_max 0.1..0.8 (reference calculate_tgi). Both near 0 for a sheet with no"
                    + " topography. Anchors (TopoLM repository, Moran's I): Topoformer-BERT keys 0.83-0.85,"
                    + " attention output 0.38-0.44, non-topographic GPT 0.11-0.12.";
            return new ReportSection("Topography", text, List.of(), List.of(new ReportTable(
                    "Topography per layer" + (other.isPresent() ? ", this run and " + cfg.analysis().compareWith() : ""),
                    columns, rows)));
        }

        /**
         * One selectivity figure per layer. Every map, of every suite and layer, and of the compared
         * run when it recorded its own ({@value #SELECTIVITY_MAX}), is drawn on one symmetric scale.
         */
        List<ReportSection> selectivitySections(SuiteProbe.Results suites, Map<String, Object> summary)
                throws IOException {
            List<ReportSection> out = new ArrayList<>();
            List<SuiteProbe.SuiteResult> all = suites.all();
            double own = all.stream().flatMap(s -> s.layers().values().stream())
                    .flatMapToDouble(r -> Arrays.stream(r.map())).filter(Double::isFinite)
                    .map(Math::abs).max().orElse(1);
            summary.put(SELECTIVITY_MAX, own);
            double theirs = other.map(o -> o.path(SELECTIVITY_MAX).asDouble(0)).orElse(0.0);
            double max = Math.min(SELECTIVITY_CAP, Math.max(own, theirs));
            for (String layer : Topoformer.LAYERS) {
                double[][] maps = all.stream().map(s -> s.layers().get(layer).map()).toArray(double[][]::new);
                List<String> titles = all.stream().map(s -> s.name() + " (" + s.layers().get(layer).significant()
                        + " sig.)").toList();
                String file = FIGURES + "selectivity_" + layer + ".png";
                int columns = Math.min(4, maps.length);
                MapMosaic mosaic = MapMosaic.symmetric(SheetMaps.of(maps, side), titles).columns(columns)
                        .range(-max, max).colorBar("sign(t) (-log10 p), Welch t-test of condition A vs B; "
                                + "one scale for all suites and layers" + (max < own ? ", saturating at "
                                + String.format(Locale.ROOT, "%.0f", max) : ""));
                if (cfg.analysis().muteInsignificant()) {
                    mosaic.muted(SheetMaps.masks(all.stream().map(s -> s.layers().get(layer).significantUnits())
                            .toArray(boolean[][]::new), side));
                }
                mosaic.writePng(runDir.resolve(file), columns * SUITE_TILE,
                        (maps.length + columns - 1) / columns * SUITE_TILE + MapMosaic.BAR_STRIP);
                List<List<Object>> rows = all.stream().map(s -> {
                    SuiteProbe.LayerResult r = s.layers().get(layer);
                    return List.<Object>of(s.name(), s.conditionA() + " vs " + s.conditionB(), s.itemsA() + " / " + s.itemsB(),
                            String.format(Locale.ROOT, "%.0f%%", 100 * s.unknownShare()),
                            r.significant() + " / " + r.significantStudent(), r.moran(), r.moranSmoothed(),
                            r.moranStudent(), r.tgi());
                }).toList();
                String text = "Selectivity of each unit of the " + layer + " layer for each suite's contrast: a Welch"
                        + " t-test between the two conditions' token-averaged activations, drawn as sign(t) (-log10 p)"
                        + " on the sheet (red: condition A higher, blue: B higher). FDR: units significant at"
                        + " Benjamini-Hochberg q = " + cfg.analysis().fdrQ() + ". Look for smooth patches rather"
                        + " than salt-and-pepper. Words outside the IMDB vocabulary (all pseudo-words, for one)"
                        + " reach the model as <unk>. Every map, of every suite and layer" + (theirs > 0 ? " and of "
                        + cfg.analysis().compareWith() : "") + ", is drawn on one colour scale, +-"
                        + String.format(Locale.ROOT, "%.3g", max) + (max < Math.max(own, theirs) ? " (p < 1e-"
                        + String.format(Locale.ROOT, "%.0f", max) + " saturates; the strongest unit reaches "
                        + String.format(Locale.ROOT, "%.3g", Math.max(own, theirs)) + ")" : "")
                        + (theirs > 0 || other.isEmpty() ? "" : " ("
                        + cfg.analysis().compareWith() + " has not recorded its scale; analyse it again to share it)")
                        + (cfg.analysis().muteInsignificant()
                        ? "; units not significant at FDR q are drawn muted (pale)." : "; analysis.mute_insignificant"
                        + " draws the units not significant at FDR q muted.");
                out.add(new ReportSection("Selectivity maps: " + layer, text,
                        List.of(new ReportFigure(file, "Signed -log10 p of each suite's contrast, " + layer)),
                        List.of(new ReportTable("Per suite, " + layer, List.of("suite", "contrast (A vs B)", "items", "tokens unknown to the vocabulary",
                                "units significant (FDR), Welch / Student", "Moran's I", "smoothed",
                                "Moran's I (Student t)", "TGI"), rows))));
            }
            return out;
        }

        ReportSection pcaSection(Topoformer model, TokenizedSet test, Map<String, Object> summary)
                throws IOException {
            int n = Math.min(cfg.analysis().pcaExamples(), test.size());
            TokenizedSet reviews = new TokenizedSet(Arrays.copyOf(test.ids(), n), Arrays.copyOf(test.lengths(), n),
                    Arrays.copyOf(test.labels(), n));
            Map<String, double[][]> acts = Activations.tokenAveraged(model, reviews, cfg.analysis().evalBatch());
            List<ReportFigure> figures = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            for (String layer : Topoformer.LAYERS) {
                Pca pca = Pca.fit(acts.get(layer), cfg.analysis().pcaComponents());
                double[] ratio = pca.explainedVarianceRatio();
                List<String> titles = IntStream.range(0, pca.components())
                        .mapToObj(k -> String.format(Locale.ROOT, "PC%d %.0f%%", k + 1, 100 * ratio[k])).toList();
                String file = FIGURES + "pca_" + layer + ".png";
                int columns = Math.min(5, pca.components());
                MapMosaic.symmetric(SheetMaps.of(pca.weights(), side), titles).columns(columns).sharedScale()
                        .colorBar("unit weight of the component (unit-norm vector); one scale for all components")
                        .writePng(runDir.resolve(file), columns * TILE,
                                (pca.components() + columns - 1) / columns * TILE + MapMosaic.BAR_STRIP);
                figures.add(new ReportFigure(file, "Principal component weights on the sheet, " + layer));
                double tgi = TopographyIndex.compute(acts.get(layer), model.sheet(), Rng.derive(cfg.seed(), 77)).mean();
                summary.put("tgi_reviews." + layer, tgi);
                rows.add(List.of(layer, ratio[0], Arrays.stream(ratio).sum(), tgi));
            }
            String text = "PCA of the token-averaged activations of " + n + " test reviews (examples x units), each"
                    + " component's unit weights drawn on the sheet (red positive, blue negative). In a topographic"
                    + " layer the leading components are smooth, low-frequency patterns; in the control they are"
                    + " salt-and-pepper. TGI over the reviews as in the topography table.";
            return new ReportSection("Principal components", text, figures, List.of(new ReportTable("PCA per layer",
                    List.of("layer", "variance PC1", "variance PC1-" + cfg.analysis().pcaComponents(), "TGI (reviews)"),
                    rows)));
        }

        /** The summary of the run named by {@code analysis.compare_with}, if there is one. */
        static Optional<JsonNode> compared(Path runDir, TopoformerStudyConfig cfg) {
            String name = cfg.analysis().compareWith();
            return name.isEmpty() ? Optional.empty() : ComparedRuns.summary(runDir, name);
        }
    }
}
