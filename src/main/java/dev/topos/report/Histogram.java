package dev.topos.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram of already binned data: one or more named series of masses (counts, fractions or
 * densities, as the y-axis title says) over the same bin edges, e.g. the distribution of
 * connection distances for several wiring-cost weights. Rendered off-screen with XChart and
 * written as a PNG; works in a headless JVM.
 *
 * <p>Each series is drawn as the outline of its bars at the true bin edges (so bins may differ
 * in width), filled with a translucent version of its colour so that overlapping series stay
 * readable. The legend is shown when there is more than one series.
 *
 * <p>A fluent builder; not thread-safe.
 */
public final class Histogram implements Figure {
    /** Line colours of the series, in order (matplotlib's {@code tab10}), then repeated. */
    static final int[] PALETTE = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF};

    private record Series(String name, double[] masses) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] edges;
    private final List<Series> series = new ArrayList<>();

    /**
     * A histogram over the bins {@code [edges[b], edges[b + 1])}; the edges must be finite and
     * strictly increasing, at least two of them. The array is copied.
     */
    public Histogram(String title, String xLabel, String yLabel, double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least 2 bin edges, got " + edges.length);
        }
        for (int b = 0; b < edges.length; b++) {
            if (!Double.isFinite(edges[b]) || (b > 0 && edges[b] <= edges[b - 1])) {
                throw new IllegalArgumentException("bin edges must be finite and strictly increasing; edge "
                        + b + " is " + edges[b] + (b > 0 ? " after " + edges[b - 1] : ""));
            }
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.edges = edges.clone();
    }

    /**
     * Adds a series: one finite mass per bin ({@code edges.length - 1} of them); names must be
     * unique. The array is copied.
     */
    public Histogram series(String name, double[] masses) {
        if (masses.length != edges.length - 1) {
            throw new IllegalArgumentException("series '" + name + "': " + masses.length + " masses but "
                    + (edges.length - 1) + " bins");
        }
        for (double m : masses) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("series '" + name + "': mass " + m + " is not finite");
            }
        }
        if (series.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("duplicate series name '" + name + "'");
        }
        series.add(new Series(name, masses.clone()));
        return this;
    }

    /** Renders the chart into an image of {@code width x height} pixels. */
    @Override
    public BufferedImage render(int width, int height) {
        return BitmapEncoder.getBufferedImage(build(width, height));
    }

    /**
     * The outline of the bars as a polyline {xs, ys}: from (e_0, 0) up to the first mass, along
     * every bin top with a vertical step at each inner edge, and down to (e_B, 0).
     */
    static double[][] outline(double[] edges, double[] masses) {
        int bins = masses.length;
        double[] xs = new double[2 * bins + 2];
        double[] ys = new double[2 * bins + 2];
        xs[0] = edges[0];
        for (int b = 0; b < bins; b++) {
            xs[2 * b + 1] = edges[b];
            ys[2 * b + 1] = masses[b];
            xs[2 * b + 2] = edges[b + 1];
            ys[2 * b + 2] = masses[b];
        }
        xs[2 * bins + 1] = edges[bins];
        return new double[][] {xs, ys};
    }

    private XYChart build(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (series.isEmpty()) {
            throw new IllegalStateException("histogram '" + title + "' has no series to draw");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler()
                .setXAxisMin(edges[0])
                .setXAxisDecimalPattern("0.##")
                .setXAxisMax(edges[edges.length - 1])
                .setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNE)
                .setLegendVisible(series.size() > 1);
        double lo = series.stream().flatMapToDouble(s -> Arrays.stream(s.masses())).min().orElse(0);
        double hi = series.stream().flatMapToDouble(s -> Arrays.stream(s.masses())).max().orElse(1);
        chart.getStyler().setYAxisDecimalPattern(TickFormat.pattern(Math.min(0, lo), hi, false));
        if (series.stream().allMatch(s -> Arrays.stream(s.masses()).allMatch(m -> m >= 0))) {
            chart.getStyler().setYAxisMin(0.0);
        }
        int alpha = series.size() > 1 ? 60 : 110;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            double[][] line = outline(edges, s.masses());
            Color colour = new Color(PALETTE[k % PALETTE.length]);
            XYSeries added = chart.addSeries(s.name(), line[0], line[1]);
            added.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            added.setMarker(SeriesMarkers.NONE);
            added.setLineColor(colour);
            added.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha));
        }
        return chart;
    }
}
