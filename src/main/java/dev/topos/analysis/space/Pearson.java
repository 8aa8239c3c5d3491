package dev.topos.analysis.space;

/**
 * NaN-aware Pearson correlation, the one correlation every spatial analysis in this package uses.
 *
 * <p>r = cov(x, y) / (sd(x) sd(y)) over the pairs in which neither value is NaN. The sums are
 * updated one pair at a time with Welford's co-moment recurrence (Welford 1962; the bivariate
 * form in Pébay, "Formulas for robust, one-pass parallel computation of covariances", Sandia
 * 2008): with n pairs, means mx, my and deltas dx = x - mx_old, dy = y - my_new,
 * {@code Sxx += dx (x - mx_new)}, {@code Syy += (y - my_old) dy}, {@code Sxy += dx dy}. This
 * avoids the cancellation of the textbook sum-of-squares form on maps with a large mean.
 *
 * <p>The value is NaN when fewer than two pairs were added or either side has zero variance.
 */
public final class Pearson {
    private long n;
    private double meanX;
    private double meanY;
    private double sxx;
    private double syy;
    private double sxy;

    /** Adds the pair (x, y); a pair with a NaN on either side is ignored. */
    public void add(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        n++;
        double dx = x - meanX;
        meanX += dx / n;
        double dyOld = y - meanY;
        meanY += dyOld / n;
        double dyNew = y - meanY;
        sxx += dx * (x - meanX);
        syy += dyOld * dyNew;
        sxy += dx * dyNew;
    }

    /** Number of pairs added (pairs with a NaN do not count). */
    public long count() {
        return n;
    }

    /** The correlation of the pairs added so far, or NaN (see the class comment). */
    public double value() {
        if (n < 2 || sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
    }

    /** Correlation of two equally long vectors over the indices where both are non-NaN. */
    public static double of(double[] a, double[] b) {
        requireSameLength(a.length, b.length);
        Pearson p = new Pearson();
        for (int i = 0; i < a.length; i++) {
            p.add(a[i], b[i]);
        }
        return p.value();
    }

    /** Correlation of two equally shaped maps over the bins where both are non-NaN. */
    public static double of(double[][] a, double[][] b) {
        requireSameLength(a.length, b.length);
        Pearson p = new Pearson();
        for (int y = 0; y < a.length; y++) {
            requireSameLength(a[y].length, b[y].length);
            for (int x = 0; x < a[y].length; x++) {
                p.add(a[y][x], b[y][x]);
            }
        }
        return p.value();
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("shapes differ: " + a + " vs " + b);
        }
    }
}
