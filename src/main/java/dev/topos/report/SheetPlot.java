package dev.topos.report;

import dev.topos.geometry.Sheet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One value per column drawn at the column's place on its sheet (e.g. one column's incoming
 * connectivity, or a per-column statistic), written as a PNG with plain Java2D. Several maps
 * over the same sheet (e.g. connectivity per recurrent step) are drawn side by side, each with
 * its title, its panels and a colour bar labelled with its min and max.
 *
 * <p>The layout follows the sheet's kind and coordinates (never a model):
 * <ul>
 *   <li>"stacked", "lifted", "grid", "torus": square cells, one panel per grid layer (layers are
 *       the distinct values of the third coordinate, left to right in increasing order). Within
 *       a layer the first coordinate runs down and the second to the right, so a row-major grid
 *       looks like its values reshaped to a matrix (as {@link MapMosaic} draws it).</li>
 *   <li>"sphere": two panels, the northern (z &gt;= 0) and southern (z &lt; 0) hemisphere, each
 *       in a Lambert azimuthal equal-area projection about its pole (pole at the panel's centre,
 *       equator drawn as a grey circle); the southern one is seen from below.</li>
 *   <li>any other kind ("csv", "learned", ...): 3-D points projected onto their first two
 *       principal axes; 2-D points at (x, y) and 1-D points at (x, 0), y upwards, with equal
 *       scales on both axes. These are drawn as dots about as wide as the typical spacing.</li>
 * </ul>
 *
 * <p>Each map is normalised to its own range like {@link MapMosaic} ({@link #minMax} with
 * {@link Colormap#VIRIDIS}, or {@link #symmetric} with {@link Colormap#RDBU}), or all maps to
 * their common range with {@link #sharedScale}. Non-finite values are light grey
 * ({@link MapMosaic#MISSING_RGB}). A highlighted column (e.g. the one whose incoming field is
 * shown) gets a black-and-white ring.
 *
 * <p>A fluent builder; not thread-safe.
 */
public final class SheetPlot implements Figure {
    private String quantity;
    private static final int PAD = 4;

    private final SheetLayout layout;
    private final List<double[]> values;
    private final List<String> titles;
    private final boolean symmetric;
    private final int[] highlights;
    private Colormap colormap;
    private int columns;
    private boolean sharedScale;

    private SheetPlot(SheetLayout layout, List<double[]> values, List<String> titles, boolean symmetric) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sheet plot needs at least one map, got none");
        }
        if (values.size() != titles.size()) {
            throw new IllegalArgumentException(values.size() + " maps but " + titles.size() + " titles");
        }
        List<double[]> copies = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            double[] map = values.get(k);
            if (map.length != layout.size()) {
                throw new IllegalArgumentException("map '" + titles.get(k) + "' has " + map.length
                        + " values but the sheet has " + layout.size() + " columns");
            }
            copies.add(map.clone());
        }
        this.layout = layout;
        this.values = List.copyOf(copies);
        this.titles = List.copyOf(titles);
        this.symmetric = symmetric;
        this.colormap = symmetric ? Colormap.RDBU : Colormap.VIRIDIS;
        this.columns = values.size();
        this.highlights = new int[values.size()];
        Arrays.fill(highlights, -1);
    }

    /** Maps over a sheet, each normalised to its own {@code [min, max]}, in {@link Colormap#VIRIDIS}. */
    public static SheetPlot minMax(Sheet sheet, List<double[]> values, List<String> titles) {
        return minMax(sheet.kind(), coordinates(sheet), values, titles);
    }

    /** Maps over a sheet, each normalised to {@code [-max|v|, max|v|]}, in {@link Colormap#RDBU}. */
    public static SheetPlot symmetric(Sheet sheet, List<double[]> values, List<String> titles) {
        return symmetric(sheet.kind(), coordinates(sheet), values, titles);
    }

    /**
     * Maps over columns at {@code coords} (one row per column) on a sheet of the given kind, each
     * normalised to its own {@code [min, max]}, in {@link Colormap#VIRIDIS}.
     */
    public static SheetPlot minMax(String kind, double[][] coords, List<double[]> values, List<String> titles) {
        return new SheetPlot(SheetLayout.of(kind, coords), values, titles, false);
    }

    /**
     * Maps over columns at {@code coords} on a sheet of the given kind, each normalised to
     * {@code [-max|v|, max|v|]} so that 0 is white, in {@link Colormap#RDBU}.
     */
    public static SheetPlot symmetric(String kind, double[][] coords, List<double[]> values, List<String> titles) {
        return new SheetPlot(SheetLayout.of(kind, coords), values, titles, true);
    }

    /** Replaces the colormap. */
    public SheetPlot colormap(Colormap colormap) {
        this.colormap = Objects.requireNonNull(colormap);
        return this;
    }

    /** Number of maps per row of the figure; the default puts all maps in one row. */
    public SheetPlot columns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        this.columns = columns;
        return this;
    }

    /** Whether all maps share one range (so their colours compare); default false, each its own. */
    public SheetPlot sharedScale(boolean sharedScale) {
        this.sharedScale = sharedScale;
        return this;
    }

    /** Rings {@code column} in every map. */
    public SheetPlot highlight(int column) {
        for (int k = 0; k < highlights.length; k++) {
            highlightIn(k, column);
        }
        return this;
    }

    /** Rings {@code column} in map {@code map} only (replacing that map's earlier highlight). */
    public SheetPlot highlightIn(int map, int column) {
        Objects.checkIndex(map, highlights.length);
        Objects.checkIndex(column, layout.size());
        highlights[map] = column;
        return this;
    }

    /** Renders the figure into an image of exactly {@code width x height} pixels. */
    @Override
    public BufferedImage render(int width, int height) {
        requireSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(MapMosaic.BACKGROUND_RGB));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            ColorScale shared = ColorScale.of(colormap, symmetric, values.toArray(double[][]::new));
            for (int k = 0; k < values.size(); k++) {
                ColorScale scale = sharedScale ? shared : ColorScale.of(colormap, symmetric, values.get(k));
                drawMap(g, k, scale, new Block(k, width, height));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where panel {@code panel} of map {@code map} is drawn in a {@code width x height} image. */
    Rectangle panelBounds(int map, int panel, int width, int height) {
        return new Block(map, width, height).panel(panel);
    }

    /** The pixel centre of {@code column}'s cell or dot in map {@code map}. */
    Point2D.Double centre(int map, int column, int width, int height) {
        Rectangle p = panelBounds(map, layout.panel(column), width, height);
        return new Point2D.Double(p.x + layout.u(column) * p.width, p.y + layout.v(column) * p.height);
    }

    /** The layout in use (for tests). */
    SheetLayout layout() {
        return layout;
    }

    private void drawMap(Graphics2D g, int k, ColorScale scale, Block b) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, b.fontPx);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, b.smallPx);
        g.setFont(font);
        g.setColor(Color.BLACK);
        String title = titles.get(k);
        g.drawString(title, b.x + Math.max(PAD, (b.w - g.getFontMetrics().stringWidth(title)) / 2),
                b.y + PAD + b.fontPx);
        g.setFont(small);
        for (int p = 0; p < layout.panels(); p++) {
            Rectangle r = b.panel(p);
            if (r.width < 1) {
                continue;
            }
            drawPanelFrame(g, r);
            String label = layout.panelLabels().get(p);
            g.setColor(Color.BLACK);
            g.drawString(label, r.x + Math.max(0, (r.width - g.getFontMetrics().stringWidth(label)) / 2),
                    r.y + r.height + 2 + b.smallPx);
        }
        double[] map = values.get(k);
        for (int c = 0; c < map.length; c++) {
            drawColumn(g, b.panel(layout.panel(c)), c, scale.rgb(map[c]));
        }
        if (highlights[k] >= 0) {
            drawRing(g, b.panel(layout.panel(highlights[k])), highlights[k]);
        }
        g.setFont(font);
        scale.drawBar(g, b.barX, b.barY, b.barW, b.barH);
        if (quantity != null) {
            int w = g.getFontMetrics().stringWidth(quantity);
            g.setColor(Color.BLACK);
            g.drawString(quantity, b.barX + (b.barW - w) / 2, b.barY + b.barH + g.getFontMetrics().getAscent());
        }
    }

    /** Names the mapped quantity (and its units) under each colour bar, between its two end labels. */
    public SheetPlot quantity(String quantity) {
        this.quantity = java.util.Objects.requireNonNull(quantity);
        return this;
    }

    private void drawPanelFrame(Graphics2D g, Rectangle r) {
        if (layout.cells()) {
            return;
        }
        Graphics2D frame = (Graphics2D) g.create();
        try {
            frame.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            frame.setColor(Color.LIGHT_GRAY);
            if (layout.kind() == SheetLayout.Kind.HEMISPHERES) {
                double inset = SheetLayout.MARGIN * r.width;
                frame.draw(new Ellipse2D.Double(r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset));
            } else {
                frame.drawRect(r.x, r.y, r.width - 1, r.height - 1);
            }
        } finally {
            frame.dispose();
        }
    }

    private void drawColumn(Graphics2D g, Rectangle r, int c, int rgb) {
        if (r.width < 1) {
            return;
        }
        double cx = r.x + layout.u(c) * r.width;
        double cy = r.y + layout.v(c) * r.height;
        double size = layout.mark() * r.width;
        g.setColor(new Color(rgb));
        if (layout.cells()) {
            int x0 = (int) Math.round(cx - size / 2);
            int y0 = (int) Math.round(cy - size / 2);
            int x1 = Math.max(x0 + 1, (int) Math.round(cx + size / 2));
            int y1 = Math.max(y0 + 1, (int) Math.round(cy + size / 2));
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
        } else {
            double d = Math.max(3, size);
            Graphics2D dot = (Graphics2D) g.create();
            try {
                dot.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                dot.fill(new Ellipse2D.Double(cx - d / 2, cy - d / 2, d, d));
            } finally {
                dot.dispose();
            }
        }
    }

    /** A black ring with a white one just outside, clear of the column's own cell or dot. */
    private void drawRing(Graphics2D g, Rectangle r, int c) {
        if (r.width < 1) {
            return;
        }
        double cx = r.x + layout.u(c) * r.width;
        double cy = r.y + layout.v(c) * r.height;
        double radius = Math.max(6, 0.9 * Math.max(3, layout.mark() * r.width));
        Graphics2D ring = (Graphics2D) g.create();
        try {
            ring.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            ring.setStroke(new BasicStroke(1.5f));
            ring.setColor(Color.WHITE);
            ring.draw(new Ellipse2D.Double(cx - radius - 1.5, cy - radius - 1.5, 2 * radius + 3, 2 * radius + 3));
            ring.setStroke(new BasicStroke(2f));
            ring.setColor(Color.BLACK);
            ring.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        } finally {
            ring.dispose();
        }
    }

    /**
     * The pixel geometry of one map's block: title line, a row of square panels (with a line of
     * panel labels under it), then the colour bar and its labels.
     */
    private final class Block {
        final int x;
        final int y;
        final int w;
        final int fontPx;
        final int smallPx;
        final int barX;
        final int barY;
        final int barW;
        final int barH;
        private final int side;
        private final int gap;
        private final int panelsLeft;
        private final int panelsTop;

        Block(int k, int width, int height) {
            int cols = Math.min(columns, values.size());
            int rows = (values.size() + cols - 1) / cols;
            w = width / cols;
            int h = height / rows;
            x = (k % cols) * w;
            y = (k / cols) * h;
            fontPx = Math.max(9, Math.min(14, h / 18));
            smallPx = Math.max(8, fontPx - 2);
            int line = fontPx + fontPx / 3 + 2;
            int smallLine = smallPx + smallPx / 3 + 2;
            barH = Math.max(6, fontPx);
            int areaTop = y + PAD + line;
            int areaH = h - 2 * PAD - line - smallLine - PAD - barH - line;
            int panels = layout.panels();
            gap = Math.max(6, w / 40);
            side = Math.max(0, Math.min((w - 2 * PAD - (panels - 1) * gap) / panels, areaH));
            panelsLeft = x + (w - panels * side - (panels - 1) * gap) / 2;
            panelsTop = areaTop + Math.max(0, (areaH - side) / 2);
            barW = Math.max(1, Math.min(w - 4 * PAD, Math.max(side, (int) (0.6 * w))));
            barX = x + (w - barW) / 2;
            barY = y + h - PAD - line - barH;
        }

        Rectangle panel(int p) {
            return new Rectangle(panelsLeft + p * (side + gap), panelsTop, side, side);
        }
    }

    private static double[][] coordinates(Sheet sheet) {
        double[][] coords = new double[sheet.size()][];
        for (int n = 0; n < coords.length; n++) {
            coords[n] = sheet.coord(n);
        }
        return coords;
    }

    private static void requireSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }
}
