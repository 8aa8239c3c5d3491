package dev.topos.analysis.columns;

import java.util.Arrays;

/**
 * Histogram bins shared by {@link WiringLength} and {@link FeatureConsistency}, with numpy's
 * {@code histogram} conventions: bin b is [e_b, e_{b+1}), the last bin also holds its right edge,
 * values outside [e_0, e_last] fall in no bin.
 */
final class Bins {
    private Bins() {
    }

    /**
     * Sturges' rule for the number of bins of n values, ceil(log2 n + 1) (Sturges, "The choice of a
     * class interval", JASA 21, 1926; numpy {@code histogram_bin_edges(bins='sturges')}); 1 for n &lt;= 1.
     */
    static int sturges(long n) {
        return n <= 1 ? 1 : (int) Math.ceil(Math.log(n) / Math.log(2) + 1);
    }

    /** bins + 1 equally spaced edges from 0 to max. */
    static double[] uniform(int bins, double max) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!(max > 0) || max == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("max must be finite and > 0, got " + max);
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = max * b / bins;
        }
        edges[bins] = max;
        return edges;
    }

    /** Checks that edges hold at least 2 finite, strictly ascending values. */
    static void check(double[] edges) {
        if (edges == null || edges.length < 2) {
            throw new IllegalArgumentException("bin edges need at least 2 values, got "
                    + (edges == null ? "null" : Arrays.toString(edges)));
        }
        for (int b = 0; b < edges.length; b++) {
            if (!Double.isFinite(edges[b]) || (b > 0 && edges[b] <= edges[b - 1])) {
                throw new IllegalArgumentException("bin edges must be finite and strictly ascending, got "
                        + Arrays.toString(edges));
            }
        }
    }

    /** The bin of x, or -1 when x lies outside [edges[0], edges[last]]. */
    static int index(double[] edges, double x) {
        int bins = edges.length - 1;
        int r = Arrays.binarySearch(edges, x);
        if (r >= 0) {
            return Math.min(r, bins - 1);
        }
        int bin = -(r + 1) - 1;
        return bin >= 0 && bin < bins ? bin : -1;
    }
}
