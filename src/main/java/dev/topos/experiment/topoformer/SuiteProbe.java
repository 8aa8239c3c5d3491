package dev.topos.experiment.topoformer;

import dev.topos.analysis.topo.GaussianSmoothing;
import dev.topos.analysis.topo.MoransI;
import dev.topos.analysis.topo.Selectivity;
import dev.topos.analysis.topo.TopographyIndex;
import dev.topos.data.TokenizedSet;
import dev.topos.data.suites.Suite;
import dev.topos.data.suites.SuiteFile;
import dev.topos.data.text.Vocabulary;
import dev.topos.geometry.Sheet;
import dev.topos.model.Topoformer;
import dev.topos.util.Rng;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Probes a trained Topoformer with linguistic test suites (spec §5–§6). For each suite and each
 * layer of {@link Topoformer#LAYERS}: the token-averaged activations of both conditions' items, a
 * per-unit Welch t-test A vs B (the selectivity map sign(t)(-log10 p) and the units significant at
 * FDR q; Student's test beside it), Moran's I of the t-map (queen contiguity, TopoLM's setting) raw and after Gaussian
 * smoothing, and the topography index of the unit responses over the suite's items.
 *
 * <p>A suite named in the config is a bundled one ({@code suites/NAME.tsv} in Topos) or a path to
 * a suite file; either way the file analysed is copied into the run folder's {@code suites/}.
 */
final class SuiteProbe {
    private static final String BUNDLED = "/suites/";

    private SuiteProbe() {}

    static Results run(Topoformer model, TopoformerStudyConfig cfg, Vocabulary vocabulary, Path runDir,
                       List<Path> extraSuites) throws IOException {
        Suites suites = read(cfg.analysis().suites(), extraSuites);
        List<SuiteResult> configured = new ArrayList<>();
        for (Suite suite : suites.configured()) {
            configured.add(probe(model, cfg, vocabulary, keep(suite, runDir)));
        }
        List<SuiteResult> extra = new ArrayList<>();
        for (Suite suite : suites.extra()) {
            extra.add(probe(model, cfg, vocabulary, keep(suite, runDir)));
        }
        return new Results(configured, extra);
    }

    /** The configured suites and the user's extra ones, read and checked, nothing written yet. */
    record Suites(List<Suite> configured, List<Suite> extra) {}

    /**
     * Reads every suite, the configured ones ({@code analysis.suites}) and the user's extra files,
     * before any model work: a malformed file, or an extra suite named like a configured or bundled
     * one (its results and copy in the run folder would replace that suite's), is an error naming
     * the file.
     */
    static Suites read(List<String> names, List<Path> extraSuites) throws IOException {
        List<Suite> configured = new ArrayList<>();
        for (String name : names) {
            configured.add(load(name));
        }
        Set<String> taken = new HashSet<>(TopoformerStudyConfig.EIGHT_SUITES);
        configured.forEach(s -> taken.add(s.name()));
        List<Suite> extra = new ArrayList<>();
        for (Path file : extraSuites) {
            Suite suite = SuiteFile.read(file);
            if (!taken.add(suite.name())) {
                throw new IOException("--suite " + file + ": its suite is named '" + suite.name() + "' (from the file "
                        + "name), as a bundled, configured or other given suite is; rename the file");
            }
            extra.add(suite);
        }
        return new Suites(configured, extra);
    }

    /** A bundled suite by name, else a suite file by path. */
    private static Suite load(String name) throws IOException {
        try (InputStream in = SuiteProbe.class.getResourceAsStream(BUNDLED + name + SuiteFile.EXTENSION)) {
            if (in != null) {
                Path tmp = Files.createTempFile("topos-suite", SuiteFile.EXTENSION);
                try {
                    Files.write(tmp, in.readAllBytes());
                    Suite read = SuiteFile.read(tmp);
                    return new Suite(name, read.header(), read.a(), read.b());
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException("analysis.suites: '" + name + "' is neither a bundled suite ("
                    + String.join(", ", TopoformerStudyConfig.EIGHT_SUITES) + ") nor a suite file");
        }
        return SuiteFile.read(file);
    }

    /** Writes the suite analysed into the run folder's {@code suites/}. */
    static Suite keep(Suite suite, Path runDir) throws IOException {
        Path copy = runDir.resolve("suites").resolve(suite.name() + SuiteFile.EXTENSION);
        Files.createDirectories(copy.getParent());
        SuiteFile.write(copy, suite);
        return suite;
    }

    private static SuiteResult probe(Topoformer model, TopoformerStudyConfig cfg, Vocabulary vocabulary, Suite suite) {
        Items items = Items.of(suite, cfg.analysis().maxItems());
        int longest = items.all().stream().mapToInt(s -> TextEncoder.tokens(s).size()).max().orElse(1);
        int length = Math.min(cfg.model().length(), longest + 2);
        TokenizedSet encoded = TextEncoder.encode(items.all(), items.labels(), vocabulary, length);
        Map<String, double[][]> acts = Activations.tokenAveraged(model, encoded, cfg.analysis().evalBatch());
        Statistics statistics = new Statistics(model.sheet(), cfg.model().side(), cfg.analysis().fdrQ(), cfg.analysis().smoothingFwhm(),
                cfg.seed());
        Map<String, LayerResult> layers = new LinkedHashMap<>();
        for (String layer : Topoformer.LAYERS) {
            layers.put(layer, statistics.of(acts.get(layer), items.a().size()));
        }
        return new SuiteResult(suite.name(), suite.a().name(), suite.b().name(), items.a().size(), items.b().size(),
                unknownShare(encoded, Vocabulary.UNK_ID), layers);
    }

    /**
     * The items of a suite a probe uses: the first {@code max} of each condition.
     *
     * @param a condition A's items
     * @param b condition B's items
     */
    record Items(List<String> a, List<String> b) {
        static Items of(Suite suite, int max) {
            return new Items(suite.a().items().subList(0, Math.min(max, suite.a().items().size())),
                    suite.b().items().subList(0, Math.min(max, suite.b().items().size())));
        }

        /** A's items, then B's. */
        List<String> all() {
            return Stream.concat(a.stream(), b.stream()).toList();
        }

        /** 0 for each of A's items, then 1 for each of B's. */
        int[] labels() {
            int[] labels = new int[a.size() + b.size()];
            Arrays.fill(labels, a.size(), labels.length, 1);
            return labels;
        }
    }

    /**
     * The statistics of one site's responses to one suite, on a sheet: a per-unit Welch t-test of A
     * vs B (and Student's), Benjamini–Hochberg at q, Moran's I of the t-map (side x side) raw and smoothed
     * (queen contiguity, TopoLM's setting), and the topography index over the items.
     */
    record Statistics(Sheet sheet, int side, double fdrQ, double smoothingFwhm, long seed) {
        /**
         * @param x  token-averaged activations (items x units), A's items first
         * @param nA how many of the rows are A's
         */
        LayerResult of(double[][] x, int nA) {
            double[][] xa = Arrays.copyOfRange(x, 0, nA);
            double[][] xb = Arrays.copyOfRange(x, nA, x.length);
            Selectivity sel = Selectivity.compute(xa, xb, Selectivity.Method.WELCH);
            Selectivity student = Selectivity.compute(xa, xb, Selectivity.Method.STUDENT);
            double[] t = sel.t();
            GaussianSmoothing smoothing = new GaussianSmoothing(smoothingFwhm);
            return new LayerResult(sel.map(), sel.fdr(fdrQ).rejected(), sel.fdr(fdrQ).rejectedCount(),
                    student.fdr(fdrQ).rejectedCount(), MoransI.TOPOLM.of(t, side),
                    MoransI.TOPOLM.of(smoothing.apply(t, side), side), MoransI.TOPOLM.of(student.t(), side),
                    TopographyIndex.compute(x, sheet, Rng.derive(seed, 99)).mean());
        }
    }

    /** The share of the items' own tokens (between the first and the last real one) that are {@code unk}. */
    static double unknownShare(TokenizedSet encoded, int unk) {
        long unknown = 0;
        long all = 0;
        for (int i = 0; i < encoded.size(); i++) {
            for (int p = 1; p < encoded.lengths()[i] - 1; p++) {
                all++;
                unknown += encoded.ids()[i][p] == unk ? 1 : 0;
            }
        }
        return (double) unknown / Math.max(1, all);
    }

    /**
     * One layer's response to one suite.
     *
     * @param map                sign(t) (-log10 p) per unit, Welch
     * @param significant        units significant at the configured FDR q, Welch
     * @param significantStudent the same with Student's pooled-variance test
     * @param moran              Moran's I of the Welch t-map
     * @param moranSmoothed      Moran's I of the smoothed Welch t-map
     * @param moranStudent       Moran's I of the Student t-map
     * @param tgi                topography index over the suite's items
     */
    /**
     * @param significantUnits the units Benjamini–Hochberg rejects at q (Welch), one flag a unit
     */
    record LayerResult(double[] map, boolean[] significantUnits, int significant, int significantStudent, double moran, double moranSmoothed,
                       double moranStudent, double tgi) {}

    record SuiteResult(String name, String conditionA, String conditionB, int itemsA, int itemsB, double unknownShare,
                       Map<String, LayerResult> layers) {}

    /**
     * @param configured the suites of {@code analysis.suites}: the summary's headline means
     * @param extra      the user's {@code --suite} files
     */
    record Results(List<SuiteResult> configured, List<SuiteResult> extra) {
        List<SuiteResult> all() {
            return Stream.concat(configured.stream(), extra.stream()).toList();
        }

        /**
         * Writes {@code moran.<layer>}, {@code moran_smoothed.<layer>} and {@code tgi.<layer>} (means
         * over the configured suites) and every suite's own values under {@code suite.<name>.}.
         */
        void summarise(Map<String, Object> summary, List<String> sites) {
            for (String layer : sites) {
                summary.put("moran." + layer, mean(configured, layer, LayerResult::moran));
                summary.put("moran_smoothed." + layer, mean(configured, layer, LayerResult::moranSmoothed));
                summary.put("tgi." + layer, mean(configured, layer, LayerResult::tgi));
            }
            for (SuiteResult s : all()) {
                String p = "suite." + s.name() + ".";
                summary.put(p + "items", s.itemsA() + s.itemsB());
                summary.put(p + "unknown_share", s.unknownShare());
                for (String layer : sites) {
                    LayerResult r = s.layers().get(layer);
                    summary.put(p + "moran." + layer, r.moran());
                    summary.put(p + "moran_smoothed." + layer, r.moranSmoothed());
                    summary.put(p + "tgi." + layer, r.tgi());
                    summary.put(p + "moran_student." + layer, r.moranStudent());
                    summary.put(p + "significant." + layer, r.significant());
                    summary.put(p + "significant_student." + layer, r.significantStudent());
                }
            }
        }

        static double mean(List<SuiteResult> suites, String layer,
                                   ToDoubleFunction<LayerResult> value) {
            return suites.stream().mapToDouble(s -> value.applyAsDouble(s.layers().get(layer))).average().orElse(Double.NaN);
        }
    }
}
