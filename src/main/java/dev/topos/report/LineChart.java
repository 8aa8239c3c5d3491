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
 * A line chart of named (x, y) series, rendered off-screen with XChart and written as a PNG;
 * works in a headless JVM ({@code -Djava.awt.headless=true}).
 *
 * <p>Points with a non-finite coordinate are dropped (the line joins their neighbours), as are
 * points with {@code y <= 0} on a logarithmic y-axis; a series left with no points is omitted.
 * Series of at most {@value #MARKER_LIMIT} points get markers so that sparse curves (e.g. eval
 * results) stay visible. A series may carry symmetric y error bars (e.g. mean cosine similarity
 * +- one standard deviation per distance bin); a non-finite error draws no bar at that point.
 * Error bars need a linear y-axis. {@link #points()} draws every series as markers alone (a scatter plot).
 *
 * <p>A fluent builder; not thread-safe.
 */
public final class LineChart implements Figure {
    static final int MARKER_LIMIT = 30;

    private record Series(String name, double[] x, double[] y, double[] yError) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;
    private boolean points;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Whether the y-axis is logarithmic (default false). */
    public LineChart logY(boolean logY) {
        this.logY = logY;
        return this;
    }

    /** Draws each series as unjoined markers, however many points it has. */
    public LineChart points() {
        this.points = true;
        return this;
    }

    /**
     * Adds a series; {@code x} and {@code y} must have the same length, and names must be unique.
     * The arrays are copied.
     */
    public LineChart series(String name, double[] x, double[] y) {
        return add(name, x, y, null);
    }

    /**
     * Adds a series with error bars from {@code y - yError} to {@code y + yError}; the three
     * arrays must have the same length, and names must be unique. The arrays are copied.
     */
    public LineChart series(String name, double[] x, double[] y, double[] yError) {
        if (yError.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "': " + y.length + " y values but " + yError.length + " errors");
        }
        return add(name, x, y, yError.clone());
    }

    private LineChart add(String name, double[] x, double[] y, double[] yError) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        if (series.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("duplicate series name '" + name + "'");
        }
        series.add(new Series(name, x.clone(), y.clone(), yError));
        return this;
    }

    /** Renders the chart into an image of {@code width x height} pixels. */
    @Override
    public BufferedImage render(int width, int height) {
        return BitmapEncoder.getBufferedImage(build(width, height));
    }

    private XYChart build(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (logY && series.stream().anyMatch(s -> s.yError() != null)) {
            throw new IllegalStateException("error bars need a linear y-axis (logY is set)");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        double[] yRange = yRange();
        chart.getStyler()
                .setErrorBarsColorSeriesColor(true)
                .setXAxisDecimalPattern("0.##")
                .setYAxisDecimalPattern(TickFormat.pattern(yRange[0], yRange[1], logY))
                .setYAxisLogarithmic(logY)
                .setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.OutsideE)
                .setLegendVisible(series.size() > 1)
                .setMarkerSize(5);
        if (points) {
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        for (Series s : series) {
            double[][] kept = plottable(s);
            if (kept[0].length > 0) {
                XYSeries added = s.yError() == null
                        ? chart.addSeries(s.name(), kept[0], kept[1])
                        : chart.addSeries(s.name(), kept[0], kept[1], kept[2]);
                if (!points && kept[0].length > MARKER_LIMIT) {
                    added.setMarker(SeriesMarkers.NONE);
                }
            }
        }
        return chart;
    }

    /** The smallest and largest y drawn (error bars included); {0, 1} when nothing is drawn. */
    private double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[][] k = plottable(s);
            for (int i = 0; i < k[1].length; i++) {
                lo = Math.min(lo, k[1][i] - k[2][i]);
                hi = Math.max(hi, k[1][i] + k[2][i]);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    /**
     * The series' points that can be drawn on this chart, as {xs, ys, errors}; a missing or
     * non-finite error becomes 0 (no bar).
     */
    private double[][] plottable(Series s) {
        double[] xs = new double[s.x().length];
        double[] ys = new double[s.y().length];
        double[] es = new double[s.y().length];
        int n = 0;
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i];
            double y = s.y()[i];
            if (Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0)) {
                xs[n] = x;
                ys[n] = y;
                double e = s.yError() == null ? 0 : s.yError()[i];
                es[n] = Double.isFinite(e) ? Math.abs(e) : 0;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), Arrays.copyOf(es, n)};
    }
}
