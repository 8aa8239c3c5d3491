package dev.topos.experiment.columnformer;

import ai.djl.ndarray.NDManager;
import dev.topos.geometry.Sheet;
import dev.topos.model.Columnformer;
import dev.topos.report.MatrixHeatmap;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.report.ReportTable;
import dev.topos.report.SheetPlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The connectivity section of a Columnformer report (spec section 8): the mean attention of every
 * step as a connectivity matrix, one column's incoming field drawn on the sheet at every step, and
 * the wiring length per step.
 */
final class ConnectivityReport {
    private static final String FIGURES = "figures/";

    private ConnectivityReport() {}

    static List<ReportSection> write(Path runDir, Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg,
                                     Map<String, Object> summary, NDManager manager) throws IOException {
        Files.createDirectories(runDir.resolve(FIGURES));
        ConnectivitySample sample = ConnectivitySample.of(model, inputs, cfg.analysis().mapImages(),
                cfg.analysis().evalBatch(), manager);
        Sheet sheet = model.sheet();
        int n = sheet.size();
        int steps = sample.attention().length;
        List<ReportFigure> figures = new ArrayList<>();
        List<double[]> fields = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int probe = model.outputColumns()[model.outputColumns().length / 2];
        List<List<Object>> rows = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[][] dense = dense(sample.attention()[t], sample.sources()[t], n);
            String file = FIGURES + "connectivity_step" + t + ".png";
            MatrixHeatmap.minMax(dense, "mean attention A, step " + t).writePng(runDir.resolve(file), 620, 660);
            figures.add(new ReportFigure(file, "Step " + t + ": mean attention over " + cfg.analysis().mapImages()
                    + " test images; row i is column i's incoming connectivity (columns ordered by layer, then row-major)."));
            fields.add(dense[probe]);
            titles.add("step " + t);
            rows.add(List.of(t, fmt(wiringLength(sample.attention()[t], sample.sources()[t], sheet))));
        }
        String field = FIGURES + "incoming_field.png";
        SheetPlot.minMax(sheet, fields, titles).columns(Math.min(steps, 3)).highlight(probe)
                .writePng(runDir.resolve(field), 1400, 420 * ((steps + 2) / 3));
        figures.add(0, new ReportFigure(field, "Incoming field of output column " + probe + " (ringed) at every "
                + "step: how much it attends to each column, drawn where the columns sit."));
        ReportTable table = new ReportTable("Wiring length per step (mean attention-weighted distance)",
                List.of("step", "wiring length"), rows);
        return List.of(new ReportSection("Connectivity", "Attention between columns after training. The wiring "
                + "length over all steps and test images is " + fmt((Double) summary.get("wiring_length")) + ".",
                figures, List.of(table)));
    }

    /** The N x N matrix of a sparse N x K table (zero where a column does not read another). */
    static double[][] dense(double[][] weights, int[][] sources, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < sources[i].length; k++) {
                out[i][sources[i][k]] += weights[i][k];
            }
        }
        return out;
    }

    private static double wiringLength(double[][] weights, int[][] sources, Sheet sheet) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            for (int k = 0; k < weights[i].length; k++) {
                sum += weights[i][k] * sheet.between(i, sources[i][k]);
            }
        }
        return sum / weights.length;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
