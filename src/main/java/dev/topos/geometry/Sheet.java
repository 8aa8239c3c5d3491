package dev.topos.geometry;

import java.util.OptionalInt;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable set of N units, each with a coordinate vector, and the {@link Metric} that measures
 * the distance between them. The N x N distance matrix D[m][n] = metric(c_m, c_n) is computed on
 * first use (upper triangle, mirrored, so it is exactly symmetric) and cached.
 *
 * <p>A sheet may know its area, expressed as {@link #fieldRadius(double)}: the radius of a field
 * that covers a given fraction of the sheet. That is what circular masks need (Topoformer spec
 * section 1: rho = sqrt(r / pi) on the unit square). Sheets built by {@link Sheets} define it where
 * the geometry has an area; {@link #of} sheets do not.
 */
public final class Sheet {
    private final String kind;
    private final double[][] coords;
    private final Metric metric;
    private final int side;
    private final DoubleUnaryOperator fieldRadius;
    private volatile double[][] distances;

    /**
     * @param side        edge length when the sheet is one s x s grid, else 0
     * @param fieldRadius area fraction -&gt; field radius, or null when the sheet has no area
     */
    Sheet(String kind, double[][] coords, Metric metric, int side, DoubleUnaryOperator fieldRadius) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must be a non-blank name, got '" + kind + "'");
        }
        if (coords.length == 0) {
            throw new IllegalArgumentException("a sheet needs at least one unit, got 0 coordinates");
        }
        int dim = coords[0].length;
        this.coords = new double[coords.length][];
        for (int n = 0; n < coords.length; n++) {
            if (coords[n].length != dim || dim == 0) {
                throw new IllegalArgumentException("coordinate " + n + " has " + coords[n].length
                        + " components; all units need the same dimension >= 1 (unit 0 has " + dim + ")");
            }
            for (double x : coords[n]) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("coordinate " + n + " has non-finite component "
                            + x + "; coordinates must be finite numbers");
                }
            }
            this.coords[n] = coords[n].clone();
        }
        this.kind = kind;
        this.metric = metric;
        this.side = side;
        this.fieldRadius = fieldRadius;
    }

    /**
     * A sheet from explicit coordinates and a distance function, with no square-grid side and no
     * defined area (so no circular masks; use {@link Masks#kNearest} or {@link Masks#gaussian}).
     * The coordinates are copied.
     */
    public static Sheet of(String kind, double[][] coords, Metric metric) {
        return new Sheet(kind, coords, metric, 0, null);
    }

    /** A short name of the geometry, e.g. "torus", "grid", "stacked", "sphere", "csv". */
    public String kind() {
        return kind;
    }

    /** N, the number of units. */
    public int size() {
        return coords.length;
    }

    /** The number of components of each coordinate. */
    public int dim() {
        return coords[0].length;
    }

    /** A copy of unit n's coordinates. */
    public double[] coord(int n) {
        return coords[n].clone();
    }

    /** The edge length s when the units form one s x s grid in row-major order, else empty. */
    public OptionalInt side() {
        return side > 0 ? OptionalInt.of(side) : OptionalInt.empty();
    }

    /** D[m][n], from the cached matrix. */
    public double distance(int m, int n) {
        return table()[m][n];
    }

    /** D[m][n] from the metric, without building or reading the cached table. */
    public double between(int m, int n) {
        return metric.between(coords[m], coords[n]);
    }

    /**
     * Row m of the distance matrix, D[m][n] for every n, computed from the metric without building
     * or caching the N x N table: what sheets too large for the table (sparse Columnformers of
     * 65,536 columns) use.
     */
    public double[] distancesFrom(int m) {
        double[] row = new double[coords.length];
        for (int n = 0; n < row.length; n++) {
            row[n] = metric.between(coords[m], coords[n]);
        }
        return row;
    }

    /** A copy of the cached N x N distance matrix (for reads in a loop use {@link #distance}). */
    public double[][] distances() {
        double[][] table = table();
        double[][] copy = new double[table.length][];
        for (int m = 0; m < table.length; m++) {
            copy[m] = table[m].clone();
        }
        return copy;
    }

    /**
     * The radius of a field covering the fraction {@code r} of this sheet's area, e.g.
     * sqrt(r / pi) on the unit square; see the factory in {@link Sheets} for each geometry.
     *
     * @throws IllegalArgumentException if r is outside (0, 1] or the sheet has no defined area
     */
    public double fieldRadius(double r) {
        Require.fraction("r (fraction of the sheet's area inside a field)", r);
        if (fieldRadius == null) {
            throw new IllegalArgumentException("a '" + kind + "' sheet has no defined area, so an area "
                    + "fraction r cannot be turned into a field radius; area is defined for grid, torus "
                    + "and sphere sheets (use Masks.kNearest or Masks.gaussian here)");
        }
        return fieldRadius.applyAsDouble(r);
    }

    /**
     * This sheet seen from a parallel plane at height h: the same units and kind, distances
     * sqrt(D^2 + h^2) ({@link Metric#lifted}), so even a unit's distance to itself is h. The
     * Columnformer lifts single-surface sheets by 2 so that self-attention is not free (spec
     * section 4). No defined area.
     */
    public Sheet lifted(double h) {
        Require.positive("h (lift height)", h);
        return new Sheet(kind, coords, metric.lifted(h), side, null);
    }

    @Override
    public String toString() {
        return "Sheet[" + kind + ", N=" + size() + ", dim=" + dim() + "]";
    }

    private double[][] table() {
        double[][] table = distances;
        if (table == null) {
            synchronized (this) {
                table = distances;
                if (table == null) {
                    table = computeDistances();
                    distances = table;
                }
            }
        }
        return table;
    }

    private double[][] computeDistances() {
        int n = coords.length;
        double[][] table = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double d = metric.between(coords[i], coords[j]);
                table[i][j] = d;
                table[j][i] = d;
            }
        }
        return table;
    }
}
