package dev.topos.geometry;

import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;

/**
 * Factories for the sheets of the Topoformer and Columnformer specs.
 *
 * <ul>
 *   <li>{@link #grid}: Topoformer unit-square sheet, unit n at (floor(n/s)/s, (n mod s)/s), flat or
 *       torus (Topoformer spec section 1; reference {@code Constraints.__init__}).</li>
 *   <li>{@link #stackedGrid} and {@link #liftedLayer}: Columnformer multi-layer grid, in-plane
 *       linspace(-w/2, w/2, w), depth 2k (Columnformer spec section 4; reference
 *       {@code columnformers/models/geometry.py}).</li>
 *   <li>{@link #sphere}: Fibonacci lattice with geodesic distance (Columnformer spec section 4).</li>
 *   <li>{@link #fromCsv}: user coordinates, Euclidean.</li>
 * </ul>
 */
public final class Sheets {
    /** Depth between consecutive layers of a stacked grid: 2, the reference's default offset. */
    public static final double LAYER_GAP = 2.0;

    /** Golden angle pi (3 - sqrt 5): the azimuth step of the Fibonacci lattice. */
    private static final double GOLDEN_ANGLE = Math.PI * (3.0 - Math.sqrt(5.0));

    /** On the unit square a full disc of radius rho has area pi rho^2 = r, so rho = sqrt(r / pi). */
    private static final DoubleUnaryOperator UNIT_SQUARE_FIELD = r -> Math.sqrt(r / Math.PI);

    private Sheets() {
    }

    /**
     * The Topoformer sheet: s x s units on the unit square, unit n at (floor(n/s)/s, (n mod s)/s).
     * With {@code torus} each axis wraps (d -> 1 - d where d &gt; 0.5, {@link Metric#unitTorus()});
     * otherwise distances are plain Euclidean. Kind "torus" or "grid". Area 1, so a field covering
     * fraction r has radius sqrt(r / pi); on the flat grid such a disc is clipped at the edges.
     */
    public static Sheet grid(int side, boolean torus) {
        Require.inRange("side", side, 1, 46_340); // side^2 must fit an int
        double[][] coords = new double[side * side][];
        for (int n = 0; n < coords.length; n++) {
            coords[n] = new double[] {(double) (n / side) / side, (double) (n % side) / side};
        }
        Metric metric = torus ? Metric.unitTorus() : Metric.euclidean();
        return new Sheet(torus ? "torus" : "grid", coords, metric, side, UNIT_SQUARE_FIELD);
    }

    /**
     * The Columnformer multi-layer grid: {@code layers} stacked width x width grids. Column
     * (k, i, j) sits at (x_i, x_j, 2k) with x = linspace(-w/2, w/2, w); columns are ordered by
     * layer, then row-major. Euclidean distances, so a column's distance to itself is 0 (see
     * {@link #liftedLayer} for a single layer where it is not). Kind "stacked"; no defined area.
     */
    public static Sheet stackedGrid(int layers, int width) {
        Require.inRange("layers", layers, 1, Integer.MAX_VALUE);
        return new Sheet("stacked", stack(layers, width), Metric.euclidean(), layers == 1 ? width : 0, null);
    }

    /**
     * One Columnformer layer whose distances carry one layer gap:
     * D' = sqrt(D^2 + {@link #LAYER_GAP}^2), D the in-plane Euclidean distance. Every column,
     * itself included, is then at least 2 away, so attending to itself is not free under a
     * wiring cost (Columnformer spec section 4). The diagonal is 2, not 0. Kind "lifted";
     * no defined area.
     */
    public static Sheet liftedLayer(int width) {
        return new Sheet("lifted", stack(1, width), Metric.euclidean().lifted(LAYER_GAP), width, null);
    }

    /**
     * A width x width grid of unit spacing on a torus: unit (i, j), row-major, at (i, j), each axis
     * wrapping with period width ({@link Metric#torus(double)}), so the grid has no edge. The
     * Columnformer's torus (spec section 4), in the same units as {@link #stackedGrid}. Kind
     * "torus"; no defined area.
     */
    public static Sheet torusGrid(int width) {
        Require.inRange("width", width, 1, 46_340);
        double[][] coords = new double[width * width][];
        for (int n = 0; n < coords.length; n++) {
            coords[n] = new double[] {n / width, n % width};
        }
        return new Sheet("torus", coords, Metric.torus(width), width, null);
    }

    /**
     * n units on a sphere of the given radius, centred at the origin, by the Fibonacci lattice:
     * z_i = R (1 - (2i + 1)/n), azimuth phi_i = i * pi (3 - sqrt 5). Each point owns a nearly equal
     * area 4 pi R^2 / n (Gonzalez, "Measurement of areas on a sphere using Fibonacci and
     * latitude-longitude lattices", Math. Geosci. 2010). Geodesic distance
     * ({@link Metric#greatCircle}). Kind "sphere".
     *
     * <p>Field radius: the geodesic radius rho of the spherical cap whose area is the fraction r of
     * the sphere: 2 pi R^2 (1 - cos(rho/R)) = r 4 pi R^2, so rho = R acos(1 - 2r); r = 1 gives
     * rho = pi R, the whole sphere.
     */
    public static Sheet sphere(int n, double radius) {
        Require.inRange("n", n, 1, Integer.MAX_VALUE);
        Require.positive("radius", radius);
        double[][] coords = new double[n][];
        for (int i = 0; i < n; i++) {
            double z = 1.0 - (2.0 * i + 1.0) / n;
            double ring = Math.sqrt(1.0 - z * z);
            double phi = i * GOLDEN_ANGLE;
            coords[i] = new double[] {radius * ring * Math.cos(phi), radius * ring * Math.sin(phi), radius * z};
        }
        DoubleUnaryOperator cap = r -> radius * Math.acos(1.0 - 2.0 * r);
        return new Sheet("sphere", coords, Metric.greatCircle(radius), 0, cap);
    }

    /**
     * User coordinates from a CSV file, Euclidean distances. Format: one unit per line, 1 to 3
     * comma-separated finite numbers, optionally one header line of column names first; blank
     * lines are skipped. Kind "csv"; no defined area.
     *
     * @throws IllegalArgumentException naming file, line and value when the file is unusable
     */
    public static Sheet fromCsv(Path file) {
        return Sheet.of("csv", CoordinateCsv.read(file), Metric.euclidean());
    }

    private static double[][] stack(int layers, int width) {
        Require.inRange("width", width, 1, 46_340);
        if ((long) layers * width * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layers * width^2 must fit an int, got layers=" + layers
                    + ", width=" + width);
        }
        double[] axis = linspace(-width / 2.0, width / 2.0, width);
        int perLayer = width * width;
        double[][] coords = new double[layers * perLayer][];
        for (int c = 0; c < coords.length; c++) {
            int inLayer = c % perLayer;
            coords[c] = new double[] {axis[inLayer / width], axis[inLayer % width], LAYER_GAP * (c / perLayer)};
        }
        return coords;
    }

    /** count evenly spaced values from lo to hi inclusive; {lo} when count is 1 (as torch). */
    private static double[] linspace(double lo, double hi, int count) {
        double[] values = new double[count];
        double step = count > 1 ? (hi - lo) / (count - 1) : 0.0;
        for (int i = 0; i < count; i++) {
            values[i] = lo + i * step;
        }
        return values;
    }
}
