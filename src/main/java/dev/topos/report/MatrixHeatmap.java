package dev.topos.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A heat-map of one matrix with a colour bar, e.g. the Columnformer's connectivity A (row i =
 * receiving column, column j = sending column; the default axis titles say so), written as a
 * PNG with plain Java2D. Row 0 is at the top, column 0 on the left; cells stay square.
 *
 * <p>A large matrix is first shrunk by {@link #blockAverage}: with the default
 * {@link #DEFAULT_MAX_SIDE} a 2000 x 2000 matrix becomes 500 x 500 means of 4 x 4 blocks, so
 * that every drawn cell is an honest average instead of a sample. The title then ends with
 * "(block means of f x f)". Colours are normalised like {@link MapMosaic} ({@link #minMax} or
 * {@link #symmetric}, shared {@link ColorScale}); non-finite values are light grey.
 *
 * <p>A fluent builder; not thread-safe. The matrix is read when rendering, not copied (an
 * N x N attention matrix can be large), so do not change it in between.
 */
public final class MatrixHeatmap implements Figure {
    /** Default bound on the drawn matrix's rows and columns. */
    public static final int DEFAULT_MAX_SIDE = 600;

    private static final int PAD = 6;

    private final double[][] matrix;
    private final String title;
    private final boolean symmetric;
    private Colormap colormap;
    private String rowTitle = "receiving column i";
    private String columnTitle = "sending column j";
    private int maxSide = DEFAULT_MAX_SIDE;

    private MatrixHeatmap(double[][] matrix, String title, boolean symmetric) {
        requireRectangular(matrix);
        this.matrix = matrix;
        this.title = Objects.requireNonNull(title, "title");
        this.symmetric = symmetric;
        this.colormap = symmetric ? Colormap.RDBU : Colormap.VIRIDIS;
    }

    /** Normalised to the matrix's own {@code [min, max]}, in {@link Colormap#VIRIDIS}. */
    public static MatrixHeatmap minMax(double[][] matrix, String title) {
        return new MatrixHeatmap(matrix, title, false);
    }

    /** Normalised to {@code [-max|v|, max|v|]} so that 0 is white, in {@link Colormap#RDBU}. */
    public static MatrixHeatmap symmetric(double[][] matrix, String title) {
        return new MatrixHeatmap(matrix, title, true);
    }

    /** Replaces the colormap. */
    public MatrixHeatmap colormap(Colormap colormap) {
        this.colormap = Objects.requireNonNull(colormap);
        return this;
    }

    /** Axis titles; defaults "receiving column i" (rows) and "sending column j" (columns). */
    public MatrixHeatmap axisTitles(String rowTitle, String columnTitle) {
        this.rowTitle = Objects.requireNonNull(rowTitle);
        this.columnTitle = Objects.requireNonNull(columnTitle);
        return this;
    }

    /** Bound on the drawn rows and columns (default {@value #DEFAULT_MAX_SIDE}); see {@link #blockAverage}. */
    public MatrixHeatmap maxSide(int maxSide) {
        requirePositive("maxSide", maxSide);
        this.maxSide = maxSide;
        return this;
    }

    /**
     * Shrinks {@code matrix} to at most {@code maxSide} rows and columns by averaging blocks:
     * with {@code fr = ceil(rows / maxSide)} and {@code fc = ceil(cols / maxSide)}, cell (a, b)
     * of the result is the mean of the finite entries in rows {@code [a fr, (a+1) fr)} and
     * columns {@code [b fc, (b+1) fc)} (blocks at the far edges may be smaller), or NaN if the
     * block has none. A matrix that already fits comes back as a copy.
     */
    public static double[][] blockAverage(double[][] matrix, int maxSide) {
        requireRectangular(matrix);
        requirePositive("maxSide", maxSide);
        int rows = matrix.length;
        int cols = matrix[0].length;
        int fr = factor(rows, maxSide);
        int fc = factor(cols, maxSide);
        double[][] out = new double[(rows + fr - 1) / fr][(cols + fc - 1) / fc];
        for (int a = 0; a < out.length; a++) {
            for (int b = 0; b < out[a].length; b++) {
                double sum = 0;
                int count = 0;
                for (int r = a * fr; r < Math.min(rows, (a + 1) * fr); r++) {
                    for (int c = b * fc; c < Math.min(cols, (b + 1) * fc); c++) {
                        double v = matrix[r][c];
                        if (Double.isFinite(v)) {
                            sum += v;
                            count++;
                        }
                    }
                }
                out[a][b] = count > 0 ? sum / count : Double.NaN;
            }
        }
        return out;
    }

    /** The title as drawn: the given one, plus the block size when the matrix is shrunk. */
    String drawnTitle() {
        int fr = factor(matrix.length, maxSide);
        int fc = factor(matrix[0].length, maxSide);
        return fr == 1 && fc == 1 ? title : title + " (block means of " + fr + " x " + fc + ")";
    }

    /** Renders the heat-map into an image of exactly {@code width x height} pixels. */
    @Override
    public BufferedImage render(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        double[][] shown = blockAverage(matrix, maxSide);
        ColorScale scale = ColorScale.of(colormap, symmetric, shown);
        Frame f = new Frame(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(MapMosaic.BACKGROUND_RGB));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, f.fontPx));
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Color.BLACK);
            String heading = drawnTitle();
            g.drawString(heading, Math.max(PAD, (width - fm.stringWidth(heading)) / 2), PAD + fm.getAscent());
            Rectangle m = matrixBounds(width, height);
            if (m.width > 0 && m.height > 0) {
                g.drawImage(scale.image(shown), m.x, m.y, m.width, m.height, null);
                drawAxes(g, fm, m);
            }
            scale.drawBar(g, f.barX, f.barY, f.barW, f.barH);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where the (shrunk) matrix is drawn in a {@code width x height} image; square cells. */
    Rectangle matrixBounds(int width, int height) {
        Frame f = new Frame(width, height);
        int rows = (matrix.length + factor(matrix.length, maxSide) - 1) / factor(matrix.length, maxSide);
        int cols = (matrix[0].length + factor(matrix[0].length, maxSide) - 1) / factor(matrix[0].length, maxSide);
        double cell = Math.max(0, Math.min((double) f.areaW / cols, (double) f.areaH / rows));
        int w = (int) Math.floor(cols * cell);
        int h = (int) Math.floor(rows * cell);
        return new Rectangle(f.areaX + (f.areaW - w) / 2, f.areaY + (f.areaH - h) / 2, w, h);
    }

    /** Tick labels at the first and last row and column, and the two axis titles. */
    private void drawAxes(Graphics2D g, FontMetrics fm, Rectangle m) {
        g.setColor(Color.DARK_GRAY);
        g.drawRect(m.x - 1, m.y - 1, m.width + 1, m.height + 1);
        g.setColor(Color.BLACK);
        String lastRow = Integer.toString(matrix.length - 1);
        String lastCol = Integer.toString(matrix[0].length - 1);
        int below = m.y + m.height + 2 + fm.getAscent();
        g.drawString("0", m.x, below);
        g.drawString(lastCol, m.x + m.width - fm.stringWidth(lastCol), below);
        g.drawString(columnTitle, m.x + (m.width - fm.stringWidth(columnTitle)) / 2, below);
        g.drawString("0", m.x - 3 - fm.stringWidth("0"), m.y + fm.getAscent());
        g.drawString(lastRow, m.x - 3 - fm.stringWidth(lastRow), m.y + m.height);
        Graphics2D turned = (Graphics2D) g.create();
        try {
            int x = m.x - 3 - fm.stringWidth(lastRow) - fm.getDescent() - 2;
            turned.translate(x, m.y + (m.height + fm.stringWidth(rowTitle)) / 2);
            turned.transform(AffineTransform.getQuadrantRotateInstance(-1));
            turned.drawString(rowTitle, 0, 0);
        } finally {
            turned.dispose();
        }
    }

    /** Pixel regions: title line, matrix area (room for axis labels around it), colour bar. */
    private final class Frame {
        final int fontPx;
        final int areaX;
        final int areaY;
        final int areaW;
        final int areaH;
        final int barX;
        final int barY;
        final int barW;
        final int barH;

        Frame(int width, int height) {
            fontPx = Math.max(9, Math.min(14, height / 30));
            int line = fontPx + fontPx / 3 + 2;
            int digits = Integer.toString(Math.max(matrix.length, matrix[0].length) - 1).length();
            int leftRoom = line + (digits * fontPx * 2) / 3 + 6;
            barH = Math.max(6, fontPx);
            areaX = PAD + leftRoom;
            areaY = PAD + line + 2;
            areaW = Math.max(0, width - areaX - PAD - leftRoom);
            areaH = Math.max(0, height - areaY - line - PAD - barH - line - PAD);
            barW = Math.max(1, Math.min(width - 2 * PAD, Math.max(areaW / 2, Math.min(areaW, areaH))));
            barX = (width - barW) / 2;
            barY = height - PAD - line - barH;
        }
    }

    private static int factor(int length, int maxSide) {
        return (length + maxSide - 1) / maxSide;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requireRectangular(double[][] matrix) {
        if (matrix == null || matrix.length == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException("matrix is empty");
        }
        for (double[] row : matrix) {
            if (row.length != matrix[0].length) {
                throw new IllegalArgumentException("matrix is not rectangular");
            }
        }
    }
}
