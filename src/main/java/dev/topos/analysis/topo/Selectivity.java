package dev.topos.analysis.topo;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A selectivity map (Topoformer spec section 5): per unit, a two-sample t-test between condition
 * A and condition B of a contrast on token-averaged activations, and the map value
 * sign(t) (-log10 p) drawn on the sheet.
 *
 * <p>Inputs are items x units matrices, one row per item (e.g. one sentence) holding each unit's
 * activation averaged over the item's tokens. For unit u with means a, b, unbiased variances
 * v_A, v_B and item counts n_A, n_B (Welch, "The generalization of Student's problem when several
 * different population variances are involved", Biometrika 34, 1947; Satterthwaite, Biometrics
 * Bulletin 2, 1946):
 * <ul>
 *   <li>{@link Method#STUDENT}: pooled s^2 = ((n_A - 1) v_A + (n_B - 1) v_B) / (n_A + n_B - 2),
 *       t = (a - b) / sqrt(s^2 (1/n_A + 1/n_B)), df = n_A + n_B - 2 (scipy
 *       {@code ttest_ind(equal_var=True)}).</li>
 *   <li>{@link Method#WELCH}: t = (a - b) / sqrt(v_A/n_A + v_B/n_B),
 *       df = (v_A/n_A + v_B/n_B)^2 / ((v_A/n_A)^2/(n_A - 1) + (v_B/n_B)^2/(n_B - 1))
 *       (scipy {@code ttest_ind(equal_var=False)}, used by TopoLM).</li>
 * </ul>
 * The two-sided p = 2 F(-|t|; df) with F the Student t CDF of Apache Commons Math
 * ({@link TDistribution}, a regularised incomplete beta function, accurate far into the tail), not
 * a hand-written approximation.
 *
 * <p>Conventions:
 * <ul>
 *   <li>A unit whose standard error is 0 (constant within both conditions, e.g. a dead ReLU) has
 *       no defined test statistic; it gets t = 0 and p = 1, so it is never called selective, and
 *       under Welch df = NaN (the Welch–Satterthwaite formula is 0/0). A condition counts as
 *       constant only when all its values are identical, so rounding in the mean cannot invent
 *       a tiny variance and a huge t.</li>
 *   <li>When p underflows to 0 (extreme separations, e.g. |t| above about 10^4 at 100 df), -log10 p is capped at
 *       {@link #MAX_MAP_VALUE} = -log10({@link Double#MIN_VALUE}) ~ 323.3, so the map stays
 *       finite; p itself is reported as 0.</li>
 *   <li>The FDR-thresholded map ({@link #mapAtFdr}) keeps the map value of the units that
 *       {@link BenjaminiHochberg} rejects at level q and sets every other unit to 0, the neutral
 *       value of the map.</li>
 * </ul>
 */
public final class Selectivity {
    /** The map value of a unit whose p-value underflows to 0: -log10 of the smallest double. */
    public static final double MAX_MAP_VALUE = -Math.log10(Double.MIN_VALUE);

    /** Which t-test: the variance assumption. */
    public enum Method {
        /** Student's t-test with pooled variance (equal variances assumed). */
        STUDENT,
        /** Welch's t-test with the Welch–Satterthwaite degrees of freedom (unequal variances). */
        WELCH
    }

    private final Method method;
    private final double[] t;
    private final double[] df;
    private final double[] p;

    private Selectivity(Method method, double[] t, double[] df, double[] p) {
        this.method = method;
        this.t = t;
        this.df = df;
        this.p = p;
    }

    /**
     * Tests every unit: condition A against condition B.
     *
     * @param a      items x units token-averaged activations of condition A, at least 2 items
     * @param b      items x units activations of condition B, at least 2 items, same units as A
     * @param method Student (pooled) or Welch
     * @throws IllegalArgumentException on ragged or non-finite input, fewer than 2 items in a
     *                                  condition, different unit counts, or a null method
     */
    public static Selectivity compute(double[][] a, double[][] b, Method method) {
        if (method == null) {
            throw new IllegalArgumentException("method must be STUDENT or WELCH, got null");
        }
        int units = Inputs.columns("condition A (items x units)", a, 2);
        int unitsB = Inputs.columns("condition B (items x units)", b, 2);
        if (units != unitsB) {
            throw new IllegalArgumentException("condition A has " + units + " units and condition B has "
                    + unitsB + "; both must have the same units");
        }
        double[] t = new double[units];
        double[] df = new double[units];
        double[] p = new double[units];
        double nA = a.length;
        double nB = b.length;
        for (int u = 0; u < units; u++) {
            double meanA = mean(a, u);
            double meanB = mean(b, u);
            double varA = variance(a, u, meanA);
            double varB = variance(b, u, meanB);
            double se2;
            if (method == Method.STUDENT) {
                df[u] = nA + nB - 2;
                se2 = ((nA - 1) * varA + (nB - 1) * varB) / df[u] * (1 / nA + 1 / nB);
            } else {
                double wA = varA / nA;
                double wB = varB / nB;
                se2 = wA + wB;
                df[u] = se2 > 0 ? se2 * se2 / (wA * wA / (nA - 1) + wB * wB / (nB - 1)) : Double.NaN;
            }
            if (se2 > 0) {
                t[u] = (meanA - meanB) / Math.sqrt(se2);
                p[u] = Math.min(1.0, 2.0 * new TDistribution(null, df[u]).cumulativeProbability(-Math.abs(t[u])));
            } else {
                t[u] = 0.0;
                p[u] = 1.0;
            }
        }
        return new Selectivity(method, t, df, p);
    }

    /** The test that produced these values. */
    public Method method() {
        return method;
    }

    /** The number of units. */
    public int units() {
        return t.length;
    }

    /** t per unit; positive where condition A's mean is larger. */
    public double[] t() {
        return t.clone();
    }

    /** Degrees of freedom per unit (NaN for a constant unit under Welch). */
    public double[] df() {
        return df.clone();
    }

    /** Two-sided p per unit. */
    public double[] p() {
        return p.clone();
    }

    /** The selectivity map: sign(t) (-log10 p) per unit, capped at +-{@link #MAX_MAP_VALUE}. */
    public double[] map() {
        double[] map = new double[t.length];
        for (int u = 0; u < map.length; u++) {
            // + 0.0 turns the -0.0 of p = 1 into 0.0
            map[u] = Math.signum(t[u]) * -Math.log10(Math.max(p[u], Double.MIN_VALUE)) + 0.0;
        }
        return map;
    }

    /** Benjamini–Hochberg adjustment of the per-unit p-values at FDR level q. */
    public BenjaminiHochberg fdr(double q) {
        return BenjaminiHochberg.of(p, q);
    }

    /** The map with every unit not rejected by Benjamini–Hochberg at level q set to 0. */
    public double[] mapAtFdr(double q) {
        boolean[] rejected = fdr(q).rejected();
        double[] map = map();
        for (int u = 0; u < map.length; u++) {
            if (!rejected[u]) {
                map[u] = 0.0;
            }
        }
        return map;
    }

    private static double mean(double[][] x, int column) {
        double sum = 0;
        for (double[] row : x) {
            sum += row[column];
        }
        return sum / x.length;
    }

    /** Unbiased two-pass variance; exactly 0 when every value is identical. */
    private static double variance(double[][] x, int column, double mean) {
        if (Columns.constant(x, column)) {
            return 0.0;
        }
        double ss = 0;
        for (double[] row : x) {
            double d = row[column] - mean;
            ss += d * d;
        }
        return ss / (x.length - 1);
    }
}
