package dev.topos.analysis.columns;

/**
 * The entropy of each column's incoming attention (Columnformer spec section 8), the Shannon
 * entropy of row i of A in nats (Shannon, "A mathematical theory of communication", Bell System
 * Technical Journal 27, 1948):
 *
 * <pre>  H_i = -sum_j A_ij ln A_ij,   with 0 ln 0 = 0</pre>
 *
 * H_i is 0 when column i reads a single source and ln K_i when it spreads its attention evenly
 * over all K_i columns it may read (its support: all N for a dense model, its K gathered
 * neighbours for a sparse one). That upper bound, the entropy of the uniform distribution over
 * the support, is returned next to H_i for reference.
 */
public final class AttentionEntropy {
    /**
     * @param entropy        H_i per column, in nats
     * @param mean           the mean of H_i over columns
     * @param uniformEntropy ln K_i per column: the entropy of uniform attention over its support
     * @param meanUniform    the mean of ln K_i over columns
     */
    public record Result(double[] entropy, double mean, double[] uniformEntropy, double meanUniform) {
    }

    private AttentionEntropy() {
    }

    /** H_i and ln K_i of every column. */
    public static Result compute(Connectivity c) {
        int n = c.size();
        double[] entropy = new double[n];
        double[] uniform = new double[n];
        double sum = 0;
        double sumUniform = 0;
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int k = 0; k < c.rowLength(i); k++) {
                double a = c.weight(i, k);
                if (a > 0) {
                    h -= a * Math.log(a);
                }
            }
            entropy[i] = h;
            uniform[i] = Math.log(c.rowLength(i));
            sum += h;
            sumUniform += uniform[i];
        }
        return new Result(entropy, sum / n, uniform, sumUniform / n);
    }
}
