package dev.topos.analysis.columns;

/**
 * Hierarchy and feedback (Columnformer spec section 8): does attention carry information from
 * the input columns towards the output columns, or back?
 *
 * <p>Each column n gets a position between the input and the output columns,
 *
 * <pre>  h_n = d_in(n) / (d_in(n) + d_out(n))</pre>
 *
 * with d_in(n) = min over input columns s of D[n][s] and d_out(n) = min over output columns t of
 * D[n][t], except that d_in = 0 for an input column and d_out = 0 for an output column (so h = 0
 * at inputs and 1 at outputs even when the sheet's self-distance D_nn is not 0, as with the
 * single-layer D' = sqrt(D^2 + 4) of spec section 4). When d_in = d_out = 0 (a column that is
 * both an input and an output, or lies at distance 0 from both sets) h is 1/2: it is neither
 * upstream nor downstream.
 *
 * <p>Column i reading column j with weight A_ij is an edge j -&gt; i. It is feedforward if
 * h_i &gt; h_j, feedback if h_i &lt; h_j and lateral if |h_i - h_j| &lt;= {@link #TIE}; an edge
 * i -&gt; i (a column reading itself) is counted apart as self. Masses are sums of A_ij / N, so
 * feedforward + feedback + lateral + self = 1 (rows of A sum to 1), and
 *
 * <pre>  net flow = (ff - fb) / (ff + fb)</pre>
 *
 * is +1 for purely feedforward, -1 for purely feedback attention and NaN when ff + fb = 0.
 * The position and the flow index are this project's definitions (the reference code has no such
 * analysis); the feedforward / feedback reading of an edge follows the usual anatomical one
 * (Felleman &amp; Van Essen, Cerebral Cortex 1, 1991): towards the output is forward.
 */
public final class Flow {
    /** Positions closer than this count as equal: the edge is lateral. */
    public static final double TIE = 1e-9;

    /**
     * @param position    h_n per column, in [0, 1]
     * @param feedforward attention mass on edges towards higher h
     * @param feedback    attention mass on edges towards lower h
     * @param lateral     attention mass between distinct columns at equal h
     * @param self        attention mass of columns reading themselves
     * @param netFlow     (ff - fb) / (ff + fb), NaN when ff + fb = 0
     */
    public record Result(double[] position, double feedforward, double feedback, double lateral, double self,
                         double netFlow) {
    }

    private Flow() {
    }

    /**
     * h_n of every column.
     *
     * @throws IllegalArgumentException if d is not N x N with finite distances &gt;= 0 (N =
     *                                  d.length), or a column set is empty or holds an index
     *                                  outside [0, N)
     */
    public static double[] positions(double[][] d, int[] inputs, int[] outputs) {
        Checks.distances(d);
        return checkedPositions(d, inputs, outputs);
    }

    /**
     * Positions, the feedforward / feedback / lateral / self masses and the net flow.
     *
     * @throws IllegalArgumentException as {@link #positions}, or if d is not size() x size()
     */
    public static Result compute(Connectivity c, double[][] d, int[] inputs, int[] outputs) {
        int n = c.size();
        Checks.distances(d, n);
        double[] h = checkedPositions(d, inputs, outputs);
        double ff = 0;
        double fb = 0;
        double lateral = 0;
        double self = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c.rowLength(i); k++) {
                int j = c.source(i, k);
                double a = c.weight(i, k) / n;
                if (j == i) {
                    self += a;
                } else if (Math.abs(h[i] - h[j]) <= TIE) {
                    lateral += a;
                } else if (h[i] > h[j]) {
                    ff += a;
                } else {
                    fb += a;
                }
            }
        }
        double net = ff + fb > 0 ? (ff - fb) / (ff + fb) : Double.NaN;
        return new Result(h, ff, fb, lateral, self, net);
    }

    /** h_n for distances already checked. */
    private static double[] checkedPositions(double[][] d, int[] inputs, int[] outputs) {
        int n = d.length;
        Checks.columnSet("inputs", inputs, n);
        Checks.columnSet("outputs", outputs, n);
        double[] toInput = nearest(d, inputs);
        double[] toOutput = nearest(d, outputs);
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double total = toInput[i] + toOutput[i];
            h[i] = total == 0 ? 0.5 : toInput[i] / total;
        }
        return h;
    }

    /** min over s in set of D[n][s] per column, 0 for the set's own columns. */
    private static double[] nearest(double[][] d, int[] set) {
        int n = d.length;
        double[] min = new double[n];
        for (int i = 0; i < n; i++) {
            min[i] = Double.POSITIVE_INFINITY;
            for (int s : set) {
                min[i] = Math.min(min[i], s == i ? 0.0 : d[i][s]);
            }
        }
        return min;
    }
}
