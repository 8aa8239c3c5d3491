package dev.topos.experiment.columnformer;

import dev.topos.analysis.columns.AttentionEntropy;
import dev.topos.analysis.columns.Connectivity;
import dev.topos.analysis.columns.FeatureConsistency;
import dev.topos.analysis.columns.Flow;
import dev.topos.analysis.columns.Modularity;
import dev.topos.analysis.columns.SmallWorld;
import dev.topos.analysis.columns.UndirectedGraph;
import dev.topos.analysis.columns.WiringLength;
import dev.topos.geometry.Sheet;
import dev.topos.model.Columnformer;
import dev.topos.nn.Tensors;
import dev.topos.report.Histogram;
import dev.topos.report.LineChart;
import dev.topos.report.MatrixHeatmap;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.ReportTable;
import dev.topos.report.SheetPlot;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;

/**
 * The connectivity sections of a Columnformer report (spec section 8), from the attention of every
 * step averaged over test images ({@link ConnectivitySample}):
 * <ul>
 *   <li>connectivity matrices per step and one output column's incoming field on the sheet;</li>
 *   <li>per step: attention entropy, wiring length, feedforward / feedback flow between the
 *       input-near and output-near columns, Louvain modularity and small-worldness (top edges,
 *       against Erdős–Rényi and degree-preserving nulls);</li>
 *   <li>the connection-distance distribution, and the cosine similarity of columns' features
 *       against their distance.</li>
 * </ul>
 * Summary keys (last step): {@code entropy}, {@code flow_net}, {@code modularity_q},
 * {@code communities}, {@code small_world_sigma}, {@code clustering}, {@code efficiency},
 * {@code feature_cos_neighbours}, {@code feature_cos_others}.
 */
final class ConnectivityReport {
    private static final String FIGURES = "figures/";
    private static final int FEATURE_NEIGHBOURS = 8;
    /** Largest sheet analysed: the analyses use N x N tables (distances, connectivity matrices). */
    static final int MAX_COLUMNS = 4096;

    private ConnectivityReport() {}

    static List<ReportSection> write(Path runDir, Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg,
                                     Map<String, Object> summary) throws IOException {
        Files.createDirectories(runDir.resolve(FIGURES));
        if (model.sheet().size() > MAX_COLUMNS) {
            return List.of(new ReportSection("Connectivity", "Not analysed: the connectivity analyses use N x N "
                    + "tables, drawn for sheets of up to " + MAX_COLUMNS + " columns; this one has "
                    + model.sheet().size() + ".", List.of(), List.of()));
        }
        ColumnformerStudyConfig.Analysis a = cfg.analysis();
        ConnectivitySample sample = ConnectivitySample.of(model, inputs, a.mapImages(), a.evalBatch());
        Sheet sheet = model.sheet();
        double[][] d = model.distances();
        int steps = sample.attention().length;
        int probe = model.outputColumns()[model.outputColumns().length / 2];
        List<ReportFigure> maps = new ArrayList<>();
        List<double[]> fields = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        List<WiringLength.Histogram> histograms = new ArrayList<>();
        Rng rng = new Rng(cfg.seed());
        double reach = Math.ceil(max(d));
        int bins = (int) Math.min(40, Math.max(5, reach)); // unit-wide bins on grid-spaced sheets
        for (int t = 0; t < steps; t++) {
            Connectivity c = Connectivity.sparse(sample.sources()[t], sample.attention()[t]);
            String file = FIGURES + "connectivity_step" + t + ".png";
            MatrixHeatmap.minMax(c.matrix(), "mean attention A, step " + t).writePng(runDir.resolve(file), 620, 660);
            maps.add(new ReportFigure(file, "Step " + t + ": mean attention over " + a.mapImages() + " test images; "
                    + "row i is column i's incoming connectivity (columns in the sheet's order)."));
            fields.add(c.incomingField(probe));
            titles.add("step " + t);
            histograms.add(WiringLength.distances(c, d, bins, reach));
            Flow.Result flow = Flow.compute(c, d, model.inputColumns(), model.outputColumns());
            UndirectedGraph g = UndirectedGraph.topEdges(c, a.topEdges());
            Modularity.Partition modules = Modularity.louvain(g);
            SmallWorld.Result er = SmallWorld.compute(g, SmallWorld.NullModel.RANDOM, a.nulls(), rng);
            SmallWorld.Result dp = SmallWorld.compute(g, SmallWorld.NullModel.DEGREE_PRESERVING, a.nulls(), rng);
            double entropy = AttentionEntropy.compute(c).mean();
            double length = WiringLength.compute(c, d).mean();
            rows.add(List.of(t, fmt(entropy), fmt(length), fmt(flow.feedforward()), fmt(flow.feedback()),
                    fmt(flow.netFlow()), fmt(modules.q()), modules.communities(), fmt(er.clustering()),
                    fmt(er.nullClustering()), fmt(er.efficiency()), fmt(er.nullEfficiency()), fmt(er.sigma()),
                    fmt(dp.sigma())));
            if (t == steps - 1) {
                summary.put("entropy", entropy);
                summary.put("flow_net", flow.netFlow());
                summary.put("modularity_q", modules.q());
                summary.put("communities", modules.communities());
                summary.put("small_world_sigma", er.sigma());
                summary.put("small_world_sigma_degree_preserving", dp.sigma());
                summary.put("clustering", er.clustering());
                summary.put("efficiency", er.efficiency());
            }
        }
        String field = FIGURES + "incoming_field.png";
        int perRow = Math.min(steps, 3);
        SheetPlot.minMax(sheet, fields, titles).columns(perRow).highlight(probe).quantity("mean attention weight")
                .writePng(runDir.resolve(field), 1500, 300 * ((steps + perRow - 1) / perRow));
        maps.add(0, new ReportFigure(field, "Incoming field of output column " + probe + " (ringed) at every step: "
                + "its mean attention to each column, drawn where the columns sit."));

        String hist = FIGURES + "connection_distances.png";
        Histogram h = new Histogram("Connection distance, attention-weighted", "distance D_ij", "share of attention",
                histograms.get(0).edges());
        for (int t = 0; t < steps; t++) {
            h.series("step " + t, histograms.get(t).mass());
        }
        h.writePng(runDir.resolve(hist), 800, 450);

        FeatureConsistency.Result fc = FeatureConsistency.compute(sample.features(), d, FEATURE_NEIGHBOURS);
        summary.put("feature_cos_neighbours", fc.neighbours().meanNeighbour());
        summary.put("feature_cos_others", fc.neighbours().meanOther());
        String cos = FIGURES + "feature_similarity.png";
        new LineChart("Feature similarity against distance", "distance", "mean cosine similarity")
                .series("column pairs", centres(fc.byDistance().edges()), fc.byDistance().meanSimilarity())
                .writePng(runDir.resolve(cos), 800, 450);

        if (model.positions() != null) {
            maps.add(learnedPositions(runDir, model, summary));
        }

        ReportTable table = new ReportTable("Per step (top " + fmt(100 * a.topEdges()) + "% of edges for modularity "
                + "and small-worldness; " + a.nulls() + " null graphs each)",
                List.of("step", "entropy (nats)", "wiring length", "feedforward", "feedback", "net flow",
                        "modularity Q", "communities", "C", "C null", "E", "E null", "sigma (ER)", "sigma (degree)"),
                rows);
        String text = "Attention between columns after training, averaged over " + a.mapImages() + " test images "
                + "and the heads. Flow: an edge j -> i is feedforward when column i sits nearer the output columns "
                + "than j (position h = d_in / (d_in + d_out)); net flow = (ff - fb) / (ff + fb). Small-worldness "
                + "sigma = (C / C_null) / (E_null / E) with clustering C and global efficiency E (Achterberg et al. "
                + "2023). Uniform attention over all " + sheet.size() + " columns would have entropy "
                + fmt(Math.log(sheet.size())) + " nats.";
        ReportSection connectivity = new ReportSection("Connectivity", text, maps, List.of(table));
        ReportSection distances = new ReportSection("Wiring and feature consistency",
                "Where attention goes in distance, per step; and how alike neighbouring columns' features are "
                        + "(cosine of their final states over the same images): " + fmt(fc.neighbours().meanNeighbour())
                        + " for each column's " + FEATURE_NEIGHBOURS + " nearest columns against "
                        + fmt(fc.neighbours().meanOther()) + " for the others.",
                List.of(new ReportFigure(hist, "Attention-weighted distribution of connection distances, per step."),
                        new ReportFigure(cos, "Mean cosine similarity of two columns' features against their distance.")),
                List.of());
        return List.of(connectivity, distances);
    }

    /**
     * Where learned positions went: the columns at their learned coordinates (first two principal
     * axes), coloured by their place in the starting sheet's order (input columns first); and the mean
     * distance each column moved, summary key {@code positions_moved}.
     */
    private static ReportFigure learnedPositions(Path runDir, Columnformer model, Map<String, Object> summary)
            throws IOException {
        int n = model.sheet().size();
        float[] flat;
        try (PointerScope ignored = new PointerScope()) {
            flat = Tensors.toFloats(model.positions());
        }
        int dim = flat.length / n;
        double[][] coords = new double[n][dim];
        double[] order = new double[n];
        double moved = 0;
        for (int i = 0; i < n; i++) {
            double[] start = model.sheet().coord(i);
            double sq = 0;
            for (int k = 0; k < dim; k++) {
                coords[i][k] = flat[i * dim + k];
                sq += (coords[i][k] - start[k]) * (coords[i][k] - start[k]);
            }
            moved += Math.sqrt(sq) / n;
            order[i] = i;
        }
        summary.put("positions_moved", moved);
        String file = FIGURES + "learned_positions.png";
        SheetPlot.minMax("learned", coords, List.of(order), List.of("learned positions"))
                .quantity("column index").writePng(
                runDir.resolve(file), 700, 560);
        return new ReportFigure(file, "Learned column positions (first two principal axes), coloured by the "
                + "column's index in the starting sheet (input columns lowest, output columns highest); columns "
                + "moved " + fmt(moved) + " on average.");
    }

    private static double max(double[][] d) {
        return Arrays.stream(d).flatMapToDouble(Arrays::stream).max().orElse(1);
    }

    private static double[] centres(double[] edges) {
        double[] out = new double[edges.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = (edges[i] + edges[i + 1]) / 2;
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
