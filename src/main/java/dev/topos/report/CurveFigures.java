package dev.topos.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Draws the training curves of a {@link MetricsLog} against the step, one chart per group of
 * keys: keys containing "loss", keys containing "acc", and one chart for each other key whose value
 * changes over the run (grad norm, updates/s, learning rate: one quantity per axis; a constant is
 * better read from the config). A group's y-axis is logarithmic
 * when all its values are positive and span at least {@value #LOG_SPAN}x.
 */
final class CurveFigures {
    static final String FOLDER = "figures";
    static final int WIDTH = 900;
    static final int HEIGHT = 450;
    static final double LOG_SPAN = 100;

    /** A chart: which (lower-cased) keys it shows, and whether constant curves are left out. */
    private record Group(String name, String title, String yLabel, Predicate<String> keys, boolean onlyVarying) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("loss", "Loss", "loss", key -> key.contains("loss"), false),
            new Group("acc", "Accuracy", "accuracy", key -> !key.contains("loss") && key.contains("acc"), false));

    private CurveFigures() {
    }

    /**
     * Writes {@code figures/curves_<group>.png} under {@code runDir} for every group with
     * something to draw, and returns those figures with paths relative to {@code runDir}.
     */
    static List<ReportFigure> draw(MetricsLog log, Path runDir) throws IOException {
        List<ReportFigure> figures = new ArrayList<>();
        List<Group> groups = new ArrayList<>(GROUPS);
        for (MetricsLog.Curve c : log.curves()) {
            String key = c.key().toLowerCase(Locale.ROOT);
            if (!key.contains("loss") && !key.contains("acc")) {
                groups.add(new Group(c.key().replaceAll("[^A-Za-z0-9_.-]", "_"), c.key(), c.key(),
                        k -> k.equals(key), true));
            }
        }
        for (Group group : groups) {
            List<MetricsLog.Curve> curves = log.curves().stream()
                    .filter(c -> group.keys().test(c.key().toLowerCase(Locale.ROOT)))
                    .filter(c -> !group.onlyVarying() || varies(c))
                    .filter(c -> Arrays.stream(c.values()).anyMatch(Double::isFinite))
                    .toList();
            if (curves.isEmpty()) {
                continue;
            }
            LineChart chart = new LineChart(group.title(), "step", group.yLabel()).logY(wantsLogY(curves));
            for (MetricsLog.Curve c : curves) {
                chart.series(c.key(), c.steps(), c.values());
            }
            String file = FOLDER + "/curves_" + group.name() + ".png";
            chart.writePng(runDir.resolve(file), WIDTH, HEIGHT);
            figures.add(new ReportFigure(file, group.title() + ": "
                    + String.join(", ", curves.stream().map(MetricsLog.Curve::key).toList())));
        }
        return figures;
    }

    private static boolean varies(MetricsLog.Curve curve) {
        return Arrays.stream(curve.values()).filter(Double::isFinite).distinct().count() > 1;
    }

    private static boolean wantsLogY(List<MetricsLog.Curve> curves) {
        double[] finite = curves.stream().flatMapToDouble(c -> Arrays.stream(c.values()))
                .filter(Double::isFinite).toArray();
        double min = Arrays.stream(finite).min().orElse(0);
        double max = Arrays.stream(finite).max().orElse(0);
        return min > 0 && max / min >= LOG_SPAN;
    }
}
