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
 * colour and its maximum the last; a constant tile gets the middle colour. Non-finite values
 * (NaN, ±infinity) are drawn light grey ({@link #MISSING_RGB}). Row 0 of a map is drawn at the
 * top, and map cells are enlarged to square blocks of pixels without smoothing.
 *
 * <p>A fluent builder; not thread-safe.
 */
public final class MapMosaic implements Figure {
    /** Colour of non-finite map values, {@code 0xRRGGBB}. */
    public static final int MISSING_RGB = 0xD3D3D3;
    /** Colour behind and between the tiles, {@code 0xRRGGBB}. */
    public static final int BACKGROUND_RGB = 0xFFFFFF;

    private static final int PAD = 2;

    private final double[][][] maps;
    private final List<String> titles;
    private final boolean symmetric;
    private Colormap colormap;
    private int columns;

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
            int cellW = width / cols;
            int cellH = height / rows;
            int fontPx = Math.max(8, Math.min(14, cellH / 8));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPx));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            for (int k = 0; k < maps.length; k++) {
                drawCell(g, k, (k % cols) * cellW, (k / cols) * cellH, cellW, cellH);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawCell(Graphics2D g, int k, int x, int y, int cellW, int cellH) {
        FontMetrics fm = g.getFontMetrics();
        int titleH = Math.min(fm.getHeight(), cellH / 3);
        Graphics2D clipped = (Graphics2D) g.create(x, y, cellW, cellH);
        try {
            clipped.setColor(Color.BLACK);
            String title = titles.get(k);
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
        g.drawImage(tile(map), left, top, drawW, drawH, null);
    }

    /** One map at one pixel per cell, coloured by its own normalisation. */
    private BufferedImage tile(double[][] map) {
        return ColorScale.of(colormap, symmetric, map).image(map);
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
