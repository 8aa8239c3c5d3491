package dev.topos.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Where each column of a sheet is drawn: which panel, and where in that panel's square, decided
 * from the sheet's kind and coordinates alone (see {@link SheetPlot} for the rules).
 *
 * <p>Positions are fractions of the panel's side: {@code u} from the left edge, {@code v} from
 * the top edge. {@link #mark()} is, in the same unit, the side of a grid cell or the diameter of
 * a dot.
 */
final class SheetLayout {
    /** How the columns are laid out. */
    enum Kind {
        /** One panel per grid layer (distinct third coordinate), square cells. */
        GRID,
        /** Northern and southern hemisphere, Lambert azimuthal equal-area, dots. */
        HEMISPHERES,
        /** 3-D (or higher) points projected onto their first two principal axes, dots. */
        PCA,
        /** 1-D points at (x, 0) or 2-D points at (x, y), dots. */
        POINTS
    }

    /** Kinds whose columns sit on w x w grid layers. */
    static final Set<String> GRID_KINDS = Set.of("stacked", "lifted", "grid", "torus");
    /** Largest dot diameter, as a fraction of the panel side. */
    static final double MAX_DOT = 0.08;
    /** Smallest dot diameter, as a fraction of the panel side. */
    static final double MIN_DOT = 0.004;
    /** Space left free on each side of a dots panel, as a fraction of its side. */
    static final double MARGIN = MAX_DOT / 2 + 0.01;
    /** At most this many columns are sampled to estimate the spacing of dots. */
    private static final int SPACING_SAMPLE = 500;

    private final Kind kind;
    private final List<String> panelLabels;
    private final int[] panel;
    private final double[] u;
    private final double[] v;
    private final double mark;

    private SheetLayout(Kind kind, List<String> panelLabels, int[] panel, double[] u, double[] v, double mark) {
        this.kind = kind;
        this.panelLabels = List.copyOf(panelLabels);
        this.panel = panel;
        this.u = u;
        this.v = v;
        this.mark = mark;
    }

    /**
     * The layout of the columns at {@code coords} (one row per column, all of one dimension
     * &gt;= 1) on a sheet of the given kind.
     *
     * @throws IllegalArgumentException if the coordinates are empty, ragged or non-finite, or the
     *     kind is "sphere" and they are not 3-D
     */
    static SheetLayout of(String kind, double[][] coords) {
        requireCoordinates(coords);
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        int dim = coords[0].length;
        if (k.equals("sphere")) {
            if (dim != 3) {
                throw new IllegalArgumentException("a sphere sheet needs 3-D coordinates, got " + dim + "-D");
            }
            return hemispheres(coords);
        }
        if (GRID_KINDS.contains(k)) {
            SheetLayout grid = grid(coords);
            if (grid != null) {
                return grid;
            }
        }
        return dim >= 3 ? pca(coords) : points(coords);
    }

    Kind kind() {
        return kind;
    }

    int panels() {
        return panelLabels.size();
    }

    /** Label under each panel ("" for none). */
    List<String> panelLabels() {
        return panelLabels;
    }

    int size() {
        return panel.length;
    }

    int panel(int column) {
        return panel[column];
    }

    double u(int column) {
        return u[column];
    }

    double v(int column) {
        return v[column];
    }

    /** Side of a grid cell or diameter of a dot, as a fraction of the panel side. */
    double mark() {
        return mark;
    }

    /** Whether columns are drawn as square cells (else as dots). */
    boolean cells() {
        return kind == Kind.GRID;
    }

    /**
     * Grid layers: rows are the distinct first coordinates (top to bottom, increasing), columns
     * the distinct second ones (left to right), layers the distinct third ones; null when those
     * do not form a lattice of about N cells.
     */
    private static SheetLayout grid(double[][] coords) {
        int n = coords.length;
        int dim = coords[0].length;
        double[] rows = distinct(coords, 0);
        double[] cols = dim >= 2 ? distinct(coords, 1) : new double[] {0};
        double[] layers = dim >= 3 ? distinct(coords, 2) : new double[] {0};
        if ((long) rows.length * cols.length * layers.length > 2L * n) {
            return null;
        }
        double cell = 1.0 / Math.max(rows.length, cols.length);
        double left = (1 - cols.length * cell) / 2;
        double top = (1 - rows.length * cell) / 2;
        int[] panel = new int[n];
        double[] u = new double[n];
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            double[] p = coords[c];
            panel[c] = dim >= 3 ? indexOf(layers, p[2]) : 0;
            u[c] = left + (indexOf(cols, dim >= 2 ? p[1] : 0) + 0.5) * cell;
            v[c] = top + (indexOf(rows, p[0]) + 0.5) * cell;
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < layers.length; k++) {
            labels.add(layers.length > 1 ? "layer " + k : "");
        }
        return new SheetLayout(Kind.GRID, labels, panel, u, v, cell);
    }

    /**
     * Lambert azimuthal equal-area projection of each hemisphere about its pole: a unit vector
     * (x, y, z) goes to sqrt(2 / (1 + |z|)) (x, y), so the pole lands at the panel's centre and
     * the equator on a circle of radius sqrt 2. The southern panel is mirrored in x, i.e. seen
     * from below, from outside the sphere like the northern one. Points are first scaled to unit
     * length, so any radius works.
     */
    private static SheetLayout hemispheres(double[][] coords) {
        int n = coords.length;
        int[] panel = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            double[] p = coords[c];
            double norm = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            if (norm == 0) {
                continue; // the centre of the sphere: drawn at the north pole's place
            }
            double z = p[2] / norm;
            boolean north = z >= 0;
            double s = Math.sqrt(2 / (1 + Math.abs(z)));
            panel[c] = north ? 0 : 1;
            x[c] = (north ? 1 : -1) * s * p[0] / norm;
            y[c] = s * p[1] / norm;
        }
        double scale = (1 - 2 * MARGIN) / (2 * Math.sqrt(2));
        double[] u = new double[n];
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            u[c] = 0.5 + x[c] * scale;
            v[c] = 0.5 - y[c] * scale;
        }
        return new SheetLayout(Kind.HEMISPHERES, List.of("north (z >= 0)", "south (z < 0), seen from below"),
                panel, u, v, dotDiameter(panel, u, v));
    }

    /**
     * Projection onto the two principal axes of largest variance (eigenvectors of the scatter
     * matrix of the centred coordinates), each axis signed so that its largest component is
     * positive; the label gives the share of variance the two axes explain.
     */
    private static SheetLayout pca(double[][] coords) {
        int n = coords.length;
        int dim = coords[0].length;
        double[] mean = new double[dim];
        for (double[] p : coords) {
            for (int d = 0; d < dim; d++) {
                mean[d] += p[d] / n;
            }
        }
        double[][] scatter = new double[dim][dim];
        for (double[] p : coords) {
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    scatter[a][b] += (p[a] - mean[a]) * (p[b] - mean[b]);
                }
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(scatter));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[dim];
        for (int d = 0; d < dim; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        RealMatrix vectors = eigen.getV();
        double[] first = signed(vectors.getColumn(order[0]));
        double[] second = signed(vectors.getColumn(order[1]));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            for (int d = 0; d < dim; d++) {
                double centred = coords[c][d] - mean[d];
                x[c] += centred * first[d];
                y[c] += centred * second[d];
            }
        }
        double total = Arrays.stream(values).map(e -> Math.max(0, e)).sum();
        double kept = Math.max(0, values[order[0]]) + Math.max(0, values[order[1]]);
        String label = total > 0
                ? String.format(Locale.ROOT, "PC1 vs PC2 (%.0f%% of variance)", 100 * kept / total)
                : "PC1 vs PC2";
        return fitted(Kind.PCA, label, x, y);
    }

    /** 1-D points at (x, 0), 2-D points at (x, y), y upwards. */
    private static SheetLayout points(double[][] coords) {
        int n = coords.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            x[c] = coords[c][0];
            y[c] = coords[c].length >= 2 ? coords[c][1] : 0;
        }
        return fitted(Kind.POINTS, "", x, y);
    }

    /** One panel; (x, y) scaled by one factor (equal aspect) to fit inside the margins, y up. */
    private static SheetLayout fitted(Kind kind, String label, double[] x, double[] y) {
        int n = x.length;
        double minX = Arrays.stream(x).min().orElse(0);
        double maxX = Arrays.stream(x).max().orElse(0);
        double minY = Arrays.stream(y).min().orElse(0);
        double maxY = Arrays.stream(y).max().orElse(0);
        double span = Math.max(maxX - minX, maxY - minY);
        double scale = span > 0 ? (1 - 2 * MARGIN) / span : 0;
        double[] u = new double[n];
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            u[c] = 0.5 + (x[c] - (minX + maxX) / 2) * scale;
            v[c] = 0.5 - (y[c] - (minY + maxY) / 2) * scale;
        }
        int[] panel = new int[n];
        return new SheetLayout(kind, List.of(label), panel, u, v, dotDiameter(panel, u, v));
    }

    /**
     * Dots as wide as the median distance to the nearest other column of the same panel
     * (from a sample of columns), so a dense sheet looks like a map, clamped to
     * [{@link #MIN_DOT}, {@link #MAX_DOT}].
     */
    static double dotDiameter(int[] panel, double[] u, double[] v) {
        int n = u.length;
        int step = Math.max(1, n / SPACING_SAMPLE);
        List<Double> nearest = new ArrayList<>();
        for (int a = 0; a < n; a += step) {
            double best = Double.POSITIVE_INFINITY;
            for (int b = 0; b < n; b++) {
                if (b != a && panel[b] == panel[a]) {
                    double d = Math.hypot(u[a] - u[b], v[a] - v[b]);
                    if (d > 0) {
                        best = Math.min(best, d);
                    }
                }
            }
            if (best < Double.POSITIVE_INFINITY) {
                nearest.add(best);
            }
        }
        if (nearest.isEmpty()) {
            return MAX_DOT;
        }
        nearest.sort(null);
        double median = nearest.get(nearest.size() / 2);
        return Math.min(MAX_DOT, Math.max(MIN_DOT, median));
    }

    private static double[] signed(double[] axis) {
        int largest = 0;
        for (int d = 1; d < axis.length; d++) {
            if (Math.abs(axis[d]) > Math.abs(axis[largest])) {
                largest = d;
            }
        }
        if (axis[largest] < 0) {
            for (int d = 0; d < axis.length; d++) {
                axis[d] = -axis[d];
            }
        }
        return axis;
    }

    /** The distinct values of coordinate {@code d}, ascending; values closer than a tolerance merge. */
    private static double[] distinct(double[][] coords, int d) {
        double[] sorted = new double[coords.length];
        for (int c = 0; c < coords.length; c++) {
            sorted[c] = coords[c][d];
        }
        Arrays.sort(sorted);
        double tol = tolerance(sorted);
        double[] out = new double[sorted.length];
        int count = 0;
        for (double x : sorted) {
            if (count == 0 || x - out[count - 1] > tol) {
                out[count++] = x;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static double tolerance(double[] sorted) {
        return 1e-9 * Math.max(1, Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1])));
    }

    /** Index of the distinct value that {@code x} merged into. */
    private static int indexOf(double[] distinct, double x) {
        int at = Arrays.binarySearch(distinct, x);
        if (at >= 0) {
            return at;
        }
        int after = -at - 1;
        return after == 0 || (after < distinct.length && distinct[after] - x < x - distinct[after - 1])
                ? after : after - 1;
    }

    private static void requireCoordinates(double[][] coords) {
        if (coords == null || coords.length == 0) {
            throw new IllegalArgumentException("a sheet plot needs at least one column, got no coordinates");
        }
        int dim = coords[0].length;
        for (int c = 0; c < coords.length; c++) {
            if (coords[c].length != dim || dim == 0) {
                throw new IllegalArgumentException("coordinate " + c + " has " + coords[c].length
                        + " components; all columns need the same dimension >= 1 (column 0 has " + dim + ")");
            }
            for (double x : coords[c]) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("coordinate " + c + " has non-finite component " + x);
                }
            }
        }
    }
}
