package dev.topos.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A value range mapped onto a {@link Colormap}, shared by the figures of this package so that
 * they normalise and colour values the same way.
 *
 * <p>{@link #of} takes the range of the finite values: {@code [min, max]}, or with
 * {@code symmetric} {@code [-m, m]} with {@code m = max |v|} so that 0 sits at the colormap's
 * centre. The minimum gets the colormap's first colour and the maximum the last; a constant range
 * gets the middle colour; non-finite values are {@link MapMosaic#MISSING_RGB}.
 */
final class ColorScale {
    private final Colormap colormap;
    private final double lo;
    private final double hi;

    private ColorScale(Colormap colormap, double lo, double hi) {
        this.colormap = colormap;
        this.lo = lo;
        this.hi = hi;
    }

    /** The scale of the finite values among {@code values} (each array a group of values). */
    static ColorScale of(Colormap colormap, boolean symmetric, double[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] group : values) {
            for (double v : group) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new ColorScale(colormap, Double.NaN, Double.NaN);
        }
        if (symmetric) {
            hi = Math.max(Math.abs(lo), Math.abs(hi));
            lo = -hi;
        }
        return new ColorScale(colormap, lo, hi);
    }

    /** Lower end of the range; NaN when there was no finite value. */
    double lo() {
        return lo;
    }

    /** Upper end of the range; NaN when there was no finite value. */
    double hi() {
        return hi;
    }

    /** The colour of {@code v}, {@code 0xRRGGBB}. */
    int rgb(double v) {
        if (!Double.isFinite(v)) {
            return MapMosaic.MISSING_RGB;
        }
        double span = hi - lo;
        return colormap.rgb(span > 0 ? (v - lo) / span : 0.5);
    }

    /** A map at one pixel per cell; row 0 at the top. */
    BufferedImage image(double[][] map) {
        BufferedImage tile = new BufferedImage(map[0].length, map.length, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[r].length; c++) {
                tile.setRGB(c, r, rgb(map[r][c]));
            }
        }
        return tile;
    }

    /**
     * Draws a horizontal colour bar filling {@code (x, y, w, h)}, the range's lower end on the
     * left, and its min and max labels under its two ends in {@code g}'s font. Takes
     * {@code h + } one text line of height.
     */
    void drawBar(Graphics2D g, int x, int y, int w, int h) {
        drawBar(g, x, y, w, h, label(lo), label(hi));
    }

    /** {@link #drawBar(Graphics2D, int, int, int, int)} with the given labels of its two ends. */
    void drawBar(Graphics2D g, int x, int y, int w, int h, String min, String max) {
        if (w < 1 || h < 1) {
            return;
        }
        for (int i = 0; i < w; i++) {
            g.setColor(new Color(colormap.rgb(w > 1 ? (double) i / (w - 1) : 0.5)));
            g.fillRect(x + i, y, 1, h);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, w - 1, h - 1);
        FontMetrics fm = g.getFontMetrics();
        int baseline = y + h + fm.getAscent();
        g.setColor(Color.BLACK);
        g.drawString(min, x, baseline);
        g.drawString(max, Math.max(x + fm.stringWidth(min) + 4, x + w - fm.stringWidth(max)), baseline);
    }

    /** A bar label: three significant digits, or "n/a" with no finite value. */
    static String label(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5
                ? new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.2e", v);
    }
}
