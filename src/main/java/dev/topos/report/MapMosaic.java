package dev.topos.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Many small 2D maps (e.g. one activation or selectivity map per unit or per head) drawn as a
 * grid of tiles, each with its own title, written as a PNG with plain Java2D.
 *
 * <p>Every tile is normalised to its own range: by default {@code [min, max]} of its finite
 * values ({@link #minMax}), or {@code [-m, m]} with {@code m = max |v|} so that 0 sits at the
 * colormap's centre ({@link #symmetric}). A tile's minimum therefore gets the colormap's first
 * colour and its maximum the last; a constant tile gets the middle colour. With
 * {@link #sharedScale} all tiles share one range instead (that of all their values), so that tiles
 * meant to be compared are: a tile with weak values is then pale, not as saturated as a strong one.
 * Non-finite values (NaN, ±infinity) are drawn light grey ({@link #MISSING_RGB}). Row 0 of a map is
 * drawn at the top, and map cells are enlarged to square blocks of pixels without smoothing.
 *
 * <p>A colour bar under the tiles names the quantity ({@link #colorBar}): with a shared scale it
 * is labelled with the range's ends; with per-tile scales its ends read "each tile's min / max".
 * Cells can be drawn muted ({@link #muted}): blended half-way to light grey, e.g. units whose
 * selectivity is not significant.
 *
 * <p>A fluent builder; not thread-safe.
 */
public final class MapMosaic implements Figure {
    /** Colour of non-finite map values, {@code 0xRRGGBB}. */
    public static final int MISSING_RGB = 0xD3D3D3;
    /** Colour behind and between the tiles, {@code 0xRRGGBB}. */
    public static final int BACKGROUND_RGB = 0xFFFFFF;

    private static final int PAD = 2;
    private static final int BAR_H = 12;
    /** Pixels the colour bar takes under the tiles (add them to a figure's height to keep its tiles' size). */
    public static final int BAR_STRIP = 50;
    /** How far a muted cell's colour is blended toward {@link #MUTED_RGB}. */
    static final double MUTE = 0.65;
    static final int MUTED_RGB = 0xE0E0E0;

    private final double[][][] maps;
    private final List<String> titles;
    private final boolean symmetric;
    private Colormap colormap;
    private int columns;
    private boolean shared;
    /** A fixed range {lo, hi} for every tile, or null. */
    private double[] range;
    private String quantity;
    private boolean[][][] shown;

    private MapMosaic(double[][][] maps, List<String> titles, boolean symmetric, Colormap colormap) {
        if (maps.length != titles.size()) {
            throw new IllegalArgumentException(maps.length + " maps but " + titles.size() + " titles");
        }
        for (int k = 0; k < maps.length; k++) {
            requireRectangular(maps[k], titles.get(k));
        }
        this.maps = maps;
        this.titles = List.copyOf(titles);
        this.symmetric = symmetric;
        this.colormap = colormap;
        this.columns = (int) Math.ceil(Math.sqrt(maps.length));
    }

    /** Tiles normalised to their own {@code [min, max]}, drawn with {@link Colormap#VIRIDIS}. */
    public static MapMosaic minMax(double[][][] maps, List<String> titles) {
        return new MapMosaic(maps, titles, false, Colormap.VIRIDIS);
    }

    /**
     * Tiles normalised to their own {@code [-max|v|, max|v|]}, drawn with the diverging
     * {@link Colormap#RDBU} so that 0 is white.
     */
    public static MapMosaic symmetric(double[][][] maps, List<String> titles) {
        return new MapMosaic(maps, titles, true, Colormap.RDBU);
    }

    /** Replaces the colormap. */
    public MapMosaic colormap(Colormap colormap) {
        this.colormap = Objects.requireNonNull(colormap);
        return this;
    }

    /** Number of tile columns; the default is {@code ceil(sqrt(k))}. */
    public MapMosaic columns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        this.columns = columns;
        return this;
    }

    /** All tiles on one scale, the range of all their finite values (symmetric for {@link #symmetric}). */
    public MapMosaic sharedScale() {
        this.shared = true;
        return this;
    }

    /** Every tile on the fixed range {@code [lo, hi]}, e.g. one shared with other figures. */
    public MapMosaic range(double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("range must have lo < hi, got " + lo + ", " + hi);
        }
        this.range = new double[] {lo, hi};
        this.shared = true;
        return this;
    }

    /** Draws a colour bar under the tiles, labelled with {@code quantity} (and its units). */
    public MapMosaic colorBar(String quantity) {
        this.quantity = Objects.requireNonNull(quantity);
        return this;
    }

    /** Cells where {@code keep[k][r][c]} is false are drawn muted (same shape as the maps). */
    public MapMosaic muted(boolean[][][] keep) {
        if (keep.length != maps.length) {
            throw new IllegalArgumentException(keep.length + " masks for " + maps.length + " maps");
        }
        for (int k = 0; k < maps.length; k++) {
            if (keep[k].length != maps[k].length || keep[k][0].length != maps[k][0].length) {
                throw new IllegalArgumentException("mask " + k + " does not have the shape of map '" + titles.get(k)
                        + "'");
            }
        }
        this.shown = keep;
        return this;
    }

    /** The one scale of all tiles ({@link #sharedScale}), or null when each tile has its own. */
    ColorScale sharedScaleOrNull() {
        if (!shared) {
            return null;
        }
        if (range != null) {
            return ColorScale.of(colormap, false, range);
        }
        double[][] all = new double[maps.length][];
        for (int k = 0; k < maps.length; k++) {
            all[k] = java.util.Arrays.stream(maps[k]).flatMapToDouble(java.util.Arrays::stream).toArray();
        }
        return ColorScale.of(colormap, symmetric, all);
    }

    /** Renders the mosaic into an image of exactly {@code width x height} pixels. */
    @Override
    public BufferedImage render(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(BACKGROUND_RGB));
            g.fillRect(0, 0, width, height);
            int cols = Math.min(columns, Math.max(1, maps.length));
            int rows = Math.max(1, (maps.length + cols - 1) / cols);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int barStrip = quantity == null ? 0 : BAR_STRIP;
            int cellW = width / cols;
            int cellH = Math.max(1, (height - barStrip) / rows);
            int fontPx = Math.max(8, Math.min(14, cellH / 8));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPx));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            ColorScale common = sharedScaleOrNull();
            for (int k = 0; k < maps.length; k++) {
                drawCell(g, k, (k % cols) * cellW, (k / cols) * cellH, cellW, cellH, common);
            }
            if (quantity != null) {
                drawColorBar(g, width, height - barStrip + PAD, common);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The bar, a third of the width, centred; its ends' labels under it, then the quantity. */
    private void drawColorBar(Graphics2D g, int width, int y, ColorScale common) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int w = Math.max(60, width / 3);
        int x = (width - w) / 2;
        String text = quantity;
        if (common != null) {
            common.drawBar(g, x, y, w, BAR_H);
        } else {
            ColorScale.of(colormap, symmetric, new double[] {-1, 1}).drawBar(g, x, y, w, BAR_H,
                    symmetric ? "-max |v|" : "min", symmetric ? "+max |v|" : "max");
            text = quantity + "; each tile on its own scale";
        }
        g.setColor(Color.BLACK);
        g.drawString(text, Math.max(PAD, (width - fm.stringWidth(text)) / 2), y + BAR_H + fm.getHeight()
                + fm.getAscent());
    }

    private void drawCell(Graphics2D g, int k, int x, int y, int cellW, int cellH, ColorScale common) {
        FontMetrics fm = g.getFontMetrics();
        int titleH = Math.min(fm.getHeight(), cellH / 3);
        Graphics2D clipped = (Graphics2D) g.create(x, y, cellW, cellH);
        try {
            clipped.setColor(Color.BLACK);
            String title = titles.get(k);
            // A title wider than its tile is set smaller (down to 7 px) rather than clipped.
            for (int px = clipped.getFont().getSize(); px > 7 && clipped.getFontMetrics().stringWidth(title)
                    > cellW - 2 * PAD; px--) {
                clipped.setFont(clipped.getFont().deriveFont((float) (px - 1)));
            }
            fm = clipped.getFontMetrics();
            clipped.drawString(title, Math.max(PAD, (cellW - fm.stringWidth(title)) / 2), titleH - fm.getDescent());
        } finally {
            clipped.dispose();
        }
        double[][] map = maps[k];
        int h = map.length;
        int w = map[0].length;
        int areaW = cellW - 2 * PAD;
        int areaH = cellH - titleH - 2 * PAD;
        double scale = Math.min((double) areaW / w, (double) areaH / h);
        int drawW = (int) Math.floor(w * scale);
        int drawH = (int) Math.floor(h * scale);
        if (drawW < 1 || drawH < 1) {
            return;
        }
        int left = x + PAD + (areaW - drawW) / 2;
        int top = y + titleH + PAD + (areaH - drawH) / 2;
        g.drawImage(tile(k, common), left, top, drawW, drawH, null);
    }

    /** Map {@code k} at one pixel per cell, on the shared scale or its own, muted cells blended to grey. */
    private BufferedImage tile(int k, ColorScale common) {
        double[][] map = maps[k];
        BufferedImage tile = (common != null ? common : ColorScale.of(colormap, symmetric, map)).image(map);
        if (shown != null) {
            for (int r = 0; r < map.length; r++) {
                for (int c = 0; c < map[r].length; c++) {
                    if (!shown[k][r][c]) {
                        tile.setRGB(c, r, blend(tile.getRGB(c, r), MUTED_RGB, MUTE));
                    }
                }
            }
        }
        return tile;
    }

    /** {@code (1 - t) a + t b} per channel. */
    static int blend(int a, int b, double t) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int x = (a >> shift) & 0xFF;
            int y = (b >> shift) & 0xFF;
            rgb |= ((int) Math.round((1 - t) * x + t * y)) << shift;
        }
        return rgb;
    }

    private static void requireRectangular(double[][] map, String title) {
        if (map.length == 0 || map[0].length == 0) {
            throw new IllegalArgumentException("map '" + title + "' is empty");
        }
        for (double[] row : map) {
            if (row.length != map[0].length) {
                throw new IllegalArgumentException("map '" + title + "' is not rectangular");
            }
        }
    }
}
