package dev.topos.experiment.tem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topos.analysis.space.AccuracyCurve;
import dev.topos.analysis.space.WalkAnalysis;
import dev.topos.analysis.space.WaveVectors;
import dev.topos.data.grid.BoxWorld;
import dev.topos.model.WalkPredictor;
import dev.topos.report.LineChart;
import dev.topos.report.MapMosaic;
import dev.topos.report.MetricsLog;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.ReportTable;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.Checkpoints;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The analysis stage of a TEM run (spec tem-t.md §3): loads the run's latest checkpoint into a
 * fresh model, evaluates it on fresh worlds with {@link TemEvaluation} (settings from the
 * config's {@code eval} section; TEM-t keeps the whole walk in memory) and writes into the run
 * folder:
 * <ul>
 *   <li>{@code figures/*.png}: accuracy against the fraction of nodes visited and of edges taken
 *       (model, node agent, edge agent), rate maps and autocorrelograms of the {@code eval.units}
 *       code units with the highest grid score (evaluation world 0), memory-neuron rate maps, and
 *       the same units and memory neurons in the two remapping worlds; for a rotation code, its
 *       planes' wave vectors ({@link WaveVectors});</li>
 *   <li>{@code summary.json}: flat numbers and strings (accuracies and counts, grid scores,
 *       remapping correlations, parameter count, training steps, final loss);</li>
 *   <li>{@code sections.json}: the report sections, each explaining what to look for;</li>
 *   <li>{@code report.html} via {@link RunReport#write}.</li>
 * </ul>
 */
public final class TemAnalysis {
    private static final String FIGURES = "figures/";
    private static final int CHART_WIDTH = 900;
    private static final int CHART_HEIGHT = 450;
    private static final int TILE = 120;
    /** The widest a mosaic is drawn: the report's column (1000 px) shows it at full size. */
    private static final int MAX_WIDTH = 960;
    private static final int ROW = 8;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TemAnalysis() {
    }

    /**
     * Analyses {@code runDir} and writes its report.
     *
     * @return the path of {@code report.html}
     * @throws IOException if the run has no checkpoint, or one cannot be read or a file written
     */
    public static Path run(Path runDir, TemConfig cfg) throws IOException {
        Path checkpoint = new Checkpoints(runDir).latest()
                .orElseThrow(() -> new IOException(runDir + ": no checkpoint to analyse; train first"));
        WalkPredictor model = TemStudy.model(cfg);
        Checkpoints.loadParameters(Checkpoints.load(checkpoint), model.parameters(), checkpoint.toString());
        WalkAnalysis.Result result = TemEvaluation.run(model, settings(cfg));
        new Writer(runDir, cfg, result, model.moveAngles().map(WaveVectors::of))
                .write(model.parameterCount(), Checkpoints.stepOf(checkpoint));
        return RunReport.write(runDir, TemStudy.KEY_FIGURES);
    }

    /** The evaluation a config asks for; TEM-t's memory holds the whole of its longest walk. */
    private static TemEvaluation.Settings settings(TemConfig cfg) {
        TemConfig.Eval e = cfg.eval();
        return new TemEvaluation.Settings(cfg.world().minSide(), cfg.world().maxSide(), cfg.world().symbols(),
                cfg.world().policy(), e.worlds(), e.steps(), e.seed(), cfg.walk().chunk(), Math.max(e.steps(), e.gridSteps()),
                e.bins(), e.units(), e.shuffles(), e.gridSide(), e.gridSteps(), e.smoothing());
    }

    /** Writes the figures, summary and sections of one evaluation. */
    private static final class Writer {
        private final Path runDir;
        private final TemConfig cfg;
        private final WalkAnalysis.Result r;
        private final String code;
        private final int[] top;
        private final Optional<WaveVectors> waves;

        Writer(Path runDir, TemConfig cfg, WalkAnalysis.Result r, Optional<WaveVectors> waves) {
            this.runDir = runDir;
            this.cfg = cfg;
            this.r = r;
            this.waves = waves;
            this.code = cfg.model().kind().equals("lstm") ? "h" : cfg.model().gridUnits() > 0 ? "p" : "e";
            this.top = Arrays.copyOf(r.unitsByGridScore(), Math.min(cfg.eval().units(), r.unitsByGridScore().length));
        }

        void write(long params, long trainSteps) throws IOException {
            List<ReportSection> sections = new ArrayList<>(List.of(accuracySection(), spatialSection()));
            if (waves.isPresent()) {
                sections.add(waveSection(waves.get()));
            }
            sections.addAll(List.of(memorySection(), remapSection()));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", cfg.model().kind());
            summary.put("acc_unvisited", r.accUnvisited());
            summary.put("acc_visited", r.accVisited());
            summary.put("acc_zero_shot", r.accZeroShot());
            summary.put("acc_zero_shot_with_stay", r.accZeroShotWithStay());
            summary.put("count_unvisited", r.countUnvisited());
            summary.put("count_visited", r.countVisited());
            summary.put("count_zero_shot", r.countZeroShot());
            summary.put("count_zero_shot_with_stay", r.countZeroShotWithStay());
            summary.put("chance", r.chance());
            summary.put("grid_score_max", r.gridScores()[r.unitsByGridScore()[0]]);
            summary.put("grid_score_median", r.gridScoreMedian());
            summary.put("grid_fraction", r.gridFraction());
            summary.put("grid_score_mean_top", Arrays.stream(top).mapToDouble(u -> r.gridScores()[u])
                    .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN));
            summary.put("square_score_max", Arrays.stream(r.squareScores()).filter(v -> !Double.isNaN(v)).max()
                    .orElse(Double.NaN));
            summary.put("square_score_median", r.squareScoreMedian());
            summary.put("square_fraction", r.squareFraction());
            summary.put("remap_code_relation", r.remapping().codeRelation());
            summary.put("remap_grid_relation", r.remapping().gridRelation());
            summary.put("remap_grid_units", r.remapping().gridUnits().length);
            summary.put("remap_place_relation", r.remapping().memoryRelation());
            summary.put("remap_code_map_corr", r.remapping().codeMeanMap());
            summary.put("remap_memory_map_corr", r.remapping().memoryMeanMap());
            waves.ifPresent(w -> {
                summary.put("wavelength_median", w.medianWavelength());
                summary.put("rotation_inverse_error", w.meanInverseError());
            });
            summary.put("params", params);
            summary.put("train_steps", trainSteps);
            finalLoss().ifPresent(loss -> summary.put("final_loss", loss));
            AtomicFiles.writeString(runDir.resolve(RunReport.SUMMARY_FILE), JSON.writeValueAsString(summary) + "\n");
            Sections.write(runDir.resolve(Sections.FILE_NAME), sections);
        }

        private ReportSection accuracySection() throws IOException {
            ReportTable table = new ReportTable("Accuracy by kind of step", List.of("steps", "accuracy", "count"), List.of(
                    List.of("node never visited", r.accUnvisited(), r.countUnvisited()),
                    List.of("node visited before", r.accVisited(), r.countVisited()),
                    List.of("zero-shot link (visited node, new edge)", r.accZeroShot(), r.countZeroShot()),
                    List.of("zero-shot link, a first stay at a node counted (torch_tem's include_stay_still)",
                            r.accZeroShotWithStay(), r.countZeroShotWithStay()),
                    List.of(String.format(Locale.ROOT, "chance (1/%d)", cfg.world().symbols()), r.chance(), "")));
            String text = cfg.eval().worlds() + " fresh worlds, " + cfg.eval().steps() + " steps each, predicted with"
                    + " no training in them. A never-visited node cannot be predicted: expect chance there. On"
                    + " visited nodes a model that has learnt the space beats the node agent's level; on zero-shot"
                    + " links (a known node reached through an edge never taken) only a model that infers where"
                    + " it is, rather than remembering transitions, can be right: TEM-t should be near perfect"
                    + " there (Whittington, Warren & Behrens 2022). In the curves, the node agent is right exactly on visited nodes and the"
                    + " edge agent exactly on edges taken before (chance elsewhere); a model above the edge agent"
                    + " and close to the node agent does link inference.";
            return new ReportSection("Accuracy on fresh worlds", text, List.of(
                    curveFigure("acc_vs_nodes.png", "fraction of nodes visited", r.byNodes()),
                    curveFigure("acc_vs_edges.png", "fraction of edges taken", r.byEdges())), List.of(table));
        }

        private ReportFigure curveFigure(String file, String xLabel, WalkAnalysis.Curves c) throws IOException {
            LineChart chart = new LineChart("Accuracy vs " + xLabel, xLabel, "accuracy");
            chart.series(cfg.model().kind(), centres(c.model()), c.model().mean());
            chart.series("node agent", centres(c.nodeAgent()), c.nodeAgent().mean());
            chart.series("edge agent", centres(c.edgeAgent()), c.edgeAgent().mean());
            chart.writePng(runDir.resolve(FIGURES + file), CHART_WIDTH, CHART_HEIGHT);
            return new ReportFigure(FIGURES + file, "Accuracy per bin of " + xLabel + ", over all evaluation worlds");
        }

        private ReportSection spatialSection() throws IOException {
            WalkAnalysis.WorldMaps world = r.remapping().a();
            List<String> titles = Arrays.stream(top).mapToObj(u -> String.format(Locale.ROOT, "%s%d g=%.2f", code, u,
                    world.gridScores()[u])).toList();
            List<ReportFigure> figures = List.of(
                    mosaic("rate_maps.png", MapMosaic.minMax(pick(world.codeMaps(), top), titles)
                            .colorBar("mean activity of the unit at a node (a.u.)"), top.length, rowOf(top.length),
                            "Rate maps of the code units with the highest grid score, remapping world A ("
                                    + size(world.world()) + ", " + cfg.eval().gridSteps() + " steps), second half of"
                                    + " the walk; grey: not visited"),
                    mosaic("autocorrelograms.png", MapMosaic.symmetric(pick(world.autocorrelograms(), top), titles)
                            .range(-1, 1).colorBar("spatial autocorrelation (Pearson r), one scale for all units"),
                            top.length, rowOf(top.length), "Their spatial autocorrelograms (red positive, blue negative)"));
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < top.length; i++) {
                rows.add(List.of(i + 1, code + top[i], r.gridScores()[top[i]], r.gridNull()[top[i]],
                        r.squareScores()[top[i]], r.squareNull()[top[i]]));
            }
            String nullOf = " (95th percentile of " + cfg.eval().shuffles() + " shuffles)";
            ReportTable table = new ReportTable("Grid scores of the top units",
                    List.of("rank", "unit", "grid score in world A", "its null" + nullOf, "four-fold score",
                            "its null" + nullOf), rows);
            String text = "Rate map: mean activity of a code unit (" + switch (code) {
                case "e" -> "TEM-t's position code e";
                case "p" -> "TEM-t's grid units p = relu(zscore(e) W_p + b_p), through which its memory reads positions";
                default -> "the LSTM's hidden state h";
            } + ") at each node over the second half of the walk. Grid score:"
                    + " rotational symmetry of the autocorrelogram, min(c60, c120) - max(c30, c90, c150) over ring"
                    + " masks (Sargolini et al. 2006; Banino et al. 2018); above 0 means hexagonal, grid-cell-like periodicity. A unit counts as grid-like"
                    + " (grid_fraction) when its score beats the 95th percentile of the scores of its own map with"
                    + " the visited nodes shuffled. Look for periodic, spatially smooth maps and autocorrelograms"
                    + " with a six-fold ring. The four-fold score, c90 - max(c45, c135) over the same rings (DeepMind's"
                    + " scores.py computes it beside the six-fold one), is high for square lattices, which the"
                    + " square worlds' four moves may favour; square_fraction counts the units above its own null."
                    + (cfg.eval().smoothing() > 0 ? String.format(Locale.ROOT, " Autocorrelograms and scores are of"
                            + " the maps smoothed by a Gaussian of sigma = %.2g nodes (eval.smoothing; each shuffle"
                            + " of the null is smoothed alike), which removes node-scale alternation such as a"
                            + " checkerboard.", cfg.eval().smoothing()) : " The maps are scored as measured"
                            + " (eval.smoothing 0): node-scale alternation, e.g. a checkerboard, scores as a lattice.")
                    + " The scores are NaN where too few bins overlap.";
            return new ReportSection("Spatial maps", text, figures, List.of(table));
        }

        private ReportSection waveSection(WaveVectors w) throws IOException {
            double[] minusX = Arrays.stream(w.x()).map(v -> -v).toArray();
            double[] minusY = Arrays.stream(w.y()).map(v -> -v).toArray();
            LineChart chart = new LineChart("Wave vectors of the code's planes", "omega east (rad per node)",
                    "omega north (rad per node)").points();
            chart.series("omega_k", w.x(), w.y());
            chart.series("-omega_k (the same wave)", minusX, minusY);
            chart.writePng(runDir.resolve(FIGURES + "wave_vectors.png"), CHART_HEIGHT + 150, CHART_HEIGHT);
            String text = String.format(Locale.ROOT, "Every move turns each plane of the position code by its own"
                    + " angle, and the moves commute, so in the planes' basis each pair of code units is a plane wave"
                    + " over the box with wave vector omega_k (radians per node east and north; wavelength 2 pi /"
                    + " |omega_k| nodes, median %.2f). A hexagonal grid module would show as three wave vectors of one"
                    + " length 60 degrees apart (six points with their mirror images), which a non-negative readout"
                    + " turns into grid cells (Dorrell, Latham, Behrens & Whittington, ICLR 2023); scattered"
                    + " vectors make a code that tells places apart without grid modules. Inverse error: how far a"
                    + " step and its way back turn a plane, mean %.3f rad (0: opposite moves undo each other, an"
                    + " exact displacement code).", w.medianWavelength(), w.meanInverseError());
            return new ReportSection("Plane waves of the rotation code", text, List.of(new ReportFigure(
                    FIGURES + "wave_vectors.png", "Wave vector of each plane, wrapped to (-pi, pi]")), List.of());
        }

        private ReportSection memorySection() throws IOException {
            WalkAnalysis.WorldMaps world = r.worlds().get(0);
            if (!world.hasMemory()) {
                return new ReportSection("Memory neurons", "This model has no attention memory, so no memory neurons.",
                        List.of(), List.of());
            }
            String text = "A memory neuron is one stored memory (the code and observation of one step); its rate map"
                    + " is the mean attention weight it receives at each node over the second half of the walk."
                    + " Memories stored in the first half at distinct nodes are shown. Expect place-cell-like maps:"
                    + " one field at the node where the memory was stored (marked in the title) and near zero"
                    + " elsewhere.";
            return new ReportSection("Memory neurons", text, List.of(mosaic("memory_neurons.png",
                    MapMosaic.minMax(world.memoryMaps(), memoryTitles(world, "")).sharedScale()
                            .colorBar("mean attention weight on the memory; one scale for all memories"),
                    world.memoryMaps().length,
                    rowOf(world.memoryMaps().length),
                    "Memory-neuron rate maps, evaluation world 0; title: memory k, its node (x,y) and storage step")),
                    List.of());
        }

        private ReportSection remapSection() throws IOException {
            WalkAnalysis.Remap remap = r.remapping();
            List<ReportFigure> figures = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            Arrays.stream(top).forEach(u -> titles.add("A " + code + u));
            Arrays.stream(top).forEach(u -> titles.add("B " + code + u));
            figures.add(mosaic("remap_code.png", MapMosaic.minMax(concat(pick(remap.a().codeMaps(), top),
                    pick(remap.b().codeMaps(), top)), titles).colorBar("mean activity of the unit at a node (a.u.)"),
                    2 * top.length, top.length, "Top code units in world A (top row)"
                    + " and world B (bottom row), both " + size(remap.a().world())));
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("code units (" + code + ")", remap.codeRelation(), remap.codeMeanMap()));
            rows.add(List.of("grid units (" + remap.gridUnits().length + " above their shuffle null in A)",
                    remap.gridRelation(), ""));
            if (remap.a().hasMemory()) {
                int n = Math.min(remap.a().memoryMaps().length, remap.b().memoryMaps().length);
                List<String> memTitles = new ArrayList<>(memoryTitles(remap.a(), "A ").subList(0, n));
                memTitles.addAll(memoryTitles(remap.b(), "B ").subList(0, n));
                figures.add(mosaic("remap_memory.png", MapMosaic.minMax(concat(Arrays.copyOf(remap.a().memoryMaps(), n),
                        Arrays.copyOf(remap.b().memoryMaps(), n)), memTitles).sharedScale()
                        .colorBar("mean attention weight on the memory; one scale for all"), 2 * n, n,
                        "Memory neuron k in world A (top row) and world B (bottom row)"));
                rows.add(List.of("memory neurons", remap.memoryRelation(), remap.memoryMeanMap()));
            }
            ReportTable table = new ReportTable("Remapping between two worlds of the same size",
                    List.of("units", "relation correlation", "mean map correlation"), rows);
            String text = "Two new worlds of the same size. Relation correlation: the correlation, across pairs of"
                    + " units, between their map-to-map correlation in world A and in world B; near 1 when the"
                    + " units keep their relations (grid cells: all maps shift together), near 0 when they remap"
                    + " independently. Mean map correlation: how far each unit fires at the same places in both."
                    + " Whittington, Warren & Behrens (2022) expect grid-like code units to keep their relations and memory neurons to remap"
                    + " (relation correlation near 0).";
            return new ReportSection("Remapping", text, figures, List.of(table));
        }

        /** Writes {@code tiles} maps in rows of {@code columns}, {@value #TILE} pixels a tile. */
        private ReportFigure mosaic(String file, MapMosaic mosaic, int tiles, int columns, String caption)
                throws IOException {
            int rows = (tiles + columns - 1) / columns;
            int tile = Math.min(TILE, MAX_WIDTH / columns); // legible at the report's width
            mosaic.columns(columns).writePng(runDir.resolve(FIGURES + file), columns * tile,
                    rows * tile + MapMosaic.BAR_STRIP);
            return new ReportFigure(FIGURES + file, caption);
        }

        private List<String> memoryTitles(WalkAnalysis.WorldMaps world, String prefix) {
            BoxWorld w = world.world();
            return IntStream.range(0, world.memorySteps().length).mapToObj(k -> String.format(Locale.ROOT,
                    "%sm%d (%d,%d) t%d", prefix, k, w.x(world.memoryNodes()[k]), w.y(world.memoryNodes()[k]),
                    world.memorySteps()[k])).toList();
        }

        /** The last logged training loss, if the run has a metrics log. */
        private Optional<Double> finalLoss() throws IOException {
            Path metrics = runDir.resolve(RunReport.METRICS_FILE);
            if (!Files.exists(metrics)) {
                return Optional.empty();
            }
            return MetricsLog.read(metrics).curves().stream().filter(c -> c.key().equals("loss"))
                    .filter(c -> c.values().length > 0).map(c -> c.values()[c.values().length - 1]).findFirst();
        }
    }

    /** Tiles per row of a one-world mosaic. */
    private static int rowOf(int tiles) {
        return Math.max(1, Math.min(ROW, tiles));
    }

    private static double[] centres(AccuracyCurve curve) {
        return IntStream.range(0, curve.mean().length).mapToDouble(curve::binCentre).toArray();
    }

    private static double[][][] pick(double[][][] maps, int[] units) {
        return Arrays.stream(units).mapToObj(u -> maps[u]).toArray(double[][][]::new);
    }

    private static double[][][] concat(double[][][] a, double[][][] b) {
        double[][][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String size(BoxWorld world) {
        return world.width() + "x" + world.height();
    }
}
