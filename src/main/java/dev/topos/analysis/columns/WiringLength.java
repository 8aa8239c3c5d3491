package dev.topos.analysis.columns;

/**
 * How far the columns' connections reach on the sheet (Columnformer spec sections 5 and 8).
 *
 * <p>Per column, the attention-weighted distance of its inputs, and its mean over columns: the
 * spec's "mean attention-weighted distance", i.e. the wiring cost of section 5 with W = D
 * (before the loss's normalisation by mean(D^p) and its factor lambda):
 *
 * <pre>  L_i = sum_j A_ij D_ij,   L = (1/N) sum_i L_i</pre>
 *
 * <p>The connection-distance distribution: a histogram of D_ij over all connections (i, j),
 * each weighted by A_ij / N, so the masses sum to 1 (rows of A sum to 1) and the histogram's
 * mean is L. Bins follow numpy {@code histogram(D, bins, range=(0, max), weights=A/N)}: [e_b,
 * e_{b+1}), the last bin closed. Automatic bins span 0 to the largest distance of a connection
 * with A_ij &gt; 0 (0 to 1 if that is 0), their count by Sturges' rule on the number of such
 * connections.
 */
public final class WiringLength {
    /**
     * @param length L_i per column, in the units of D
     * @param mean   L, the mean of L_i over columns
     */
    public record Result(double[] length, double mean) {
    }

    /**
     * @param edges bins + 1 ascending bin edges, from 0 to max
     * @param mass  the attention mass (sum of A_ij / N) whose distance falls in each bin; sums to 1
     */
    public record Histogram(double[] edges, double[] mass) {
    }

    private WiringLength() {
    }

    /**
     * L_i and L.
     *
     * @throws IllegalArgumentException if d is not an N x N matrix of finite distances &gt;= 0
     */
    public static Result compute(Connectivity c, double[][] d) {
        int n = c.size();
        Checks.distances(d, n);
        double[] length = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c.rowLength(i); k++) {
                length[i] += c.weight(i, k) * d[i][c.source(i, k)];
            }
            sum += length[i];
        }
        return new Result(length, sum / n);
    }

    /**
     * The distance distribution with {@code bins} equal bins from 0 to {@code max}.
     *
     * @throws IllegalArgumentException on bad distances, bins &lt; 1, max not finite and &gt; 0, or a
     *                                  connection with A_ij &gt; 0 farther than max (it would fall
     *                                  in no bin and the masses would not sum to 1)
     */
    public static Histogram distances(Connectivity c, double[][] d, int bins, double max) {
        Checks.distances(d, c.size());
        return histogram(c, d, Bins.uniform(bins, max));
    }

    /**
     * The distance distribution with automatic bins (see the class comment).
     *
     * @throws IllegalArgumentException if d is not an N x N matrix of finite distances &gt;= 0
     */
    public static Histogram distances(Connectivity c, double[][] d) {
        Checks.distances(d, c.size());
        long connections = 0;
        double max = 0;
        for (int i = 0; i < c.size(); i++) {
            for (int k = 0; k < c.rowLength(i); k++) {
                if (c.weight(i, k) > 0) {
                    connections++;
                    max = Math.max(max, d[i][c.source(i, k)]);
                }
            }
        }
        return histogram(c, d, Bins.uniform(Bins.sturges(connections), max > 0 ? max : 1.0));
    }

    private static Histogram histogram(Connectivity c, double[][] d, double[] edges) {
        int n = c.size();
        double max = edges[edges.length - 1];
        double[] mass = new double[edges.length - 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c.rowLength(i); k++) {
                double a = c.weight(i, k);
                if (a == 0) {
                    continue;
                }
                int j = c.source(i, k);
                int bin = Bins.index(edges, d[i][j]);
                if (bin < 0) {
                    throw new IllegalArgumentException("connection " + j + " -> " + i + " (weight " + a
                            + ") has distance " + d[i][j] + " > max " + max
                            + "; choose max >= the largest connection distance or automatic bins");
                }
                mass[bin] += a / n;
            }
        }
        return new Histogram(edges, mass);
    }
}
