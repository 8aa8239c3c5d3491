package dev.topos.analysis.topo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Benjamini–Hochberg step-up procedure controlling the false discovery rate at level q
 * (Benjamini &amp; Hochberg, "Controlling the false discovery rate", J. R. Stat. Soc. B 57, 1995;
 * the FDR correction of the TopoLM selectivity maps, Topoformer spec section 5).
 *
 * <p>With the m p-values sorted ascending, p_(1) &lt;= ... &lt;= p_(m), the adjusted p-value of
 * the i-th smallest is {@code min(1, min_{j >= i} m p_(j) / j)} (as R's {@code p.adjust(, "BH")}
 * and statsmodels' {@code fdr_bh}). A test is rejected when its adjusted p-value is &lt;= q, which
 * is exactly the paper's rule: reject H_(1) .. H_(k) with k = max { i : p_(i) &lt;= i q / m }.
 * Tied p-values get the same adjusted value.
 */
public final class BenjaminiHochberg {
    /** The FDR level of TopoLM's evaluation. */
    public static final double DEFAULT_Q = 0.05;

    private final double q;
    private final double[] adjusted;
    private final boolean[] rejected;

    private BenjaminiHochberg(double q, double[] adjusted, boolean[] rejected) {
        this.q = q;
        this.adjusted = adjusted;
        this.rejected = rejected;
    }

    /**
     * Adjusts {@code p} (one p-value per test, in any order) at FDR level q.
     *
     * @throws IllegalArgumentException if p is empty or holds a value outside [0, 1] (or NaN), or
     *                                  q is outside (0, 1]
     */
    public static BenjaminiHochberg of(double[] p, double q) {
        if (!(q > 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q (the false discovery rate) must be in (0, 1], got " + q);
        }
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("need at least one p-value, got " + (p == null ? "null" : 0));
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
                throw new IllegalArgumentException("p[" + i + "] is " + p[i] + "; p-values must be in [0, 1]");
            }
        }
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        boolean[] rejected = new boolean[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int test = order[rank - 1];
            running = Math.min(running, m * p[test] / rank);
            adjusted[test] = running;
            rejected[test] = running <= q;
        }
        return new BenjaminiHochberg(q, adjusted, rejected);
    }

    /** The FDR level q. */
    public double q() {
        return q;
    }

    /** The adjusted p-values, in the order of the input. */
    public double[] adjusted() {
        return adjusted.clone();
    }

    /** Which tests are rejected (discoveries), in the order of the input. */
    public boolean[] rejected() {
        return rejected.clone();
    }

    /** The number of rejected tests. */
    public int rejectedCount() {
        int count = 0;
        for (boolean r : rejected) {
            count += r ? 1 : 0;
        }
        return count;
    }
}
