package dev.topos.geometry;

import dev.topos.util.Rng;
import java.util.Arrays;

/**
 * Factories for {@link Mask}s over a {@link Sheet} (Topoformer spec section 1; reference
 * {@code topoformer/models/constraints.py}, class {@code Constraints}).
 *
 * <ul>
 *   <li>{@link #circular}: M = [D &lt;= rho], rho = {@link Sheet#fieldRadius}(r), r the fraction of
 *       the sheet's area inside a field (rho = sqrt(r / pi) on the unit square).</li>
 *   <li>{@link #gaussian}: p = sigmoid(log N(D; 0, sigma)) / max, M ~ Bernoulli(p), sampled once.</li>
 *   <li>{@link #full}: all ones.</li>
 *   <li>{@link #kNearest}: each unit itself and its k - 1 nearest others.</li>
 * </ul>
 */
public final class Masks {
    /** Relative difference below which two distances count as equal in {@link #kNearest}. */
    public static final double TIE_TOLERANCE = 1e-9;

    /** The largest N whose N * N cells fit a Java array. */
    private static final int MAX_SIZE = 46_340;

    private Masks() {
    }

    /**
     * M[m][n] = [D[m][n] &lt;= rho] with rho = {@code sheet.fieldRadius(r)}. On the torus every unit
     * gets the same fan-in (spec check values: 20x20 r=0.1 -&gt; 37, r=0.3 -&gt; 121; 28x28 r=0.3 -&gt;
     * 241, r=1 -&gt; 711).
     *
     * @param r fraction of the sheet's area inside one field, in (0, 1]
     * @throws IllegalArgumentException if r is out of range or the sheet has no defined area
     */
    public static Mask circular(Sheet sheet, double r) {
        double rho = sheet.fieldRadius(r);
        return where(sheet.size(), (m, n) -> sheet.distance(m, n) <= rho);
    }

    /**
     * A Gaussian-profile mask sampled once: p[m][n] = sigmoid(log phi(D[m][n]; 0, sigma)), where
     * phi is the normal density with mean 0 and standard deviation sigma, then p /= max p, and
     * M[m][n] = [u &lt; p[m][n]] with u = {@code rng.nextDouble()} drawn cell by cell in row-major
     * order. As in the reference ({@code Normal(0, r_sigma).log_prob(distances)}), sigma is a
     * standard deviation in the sheet's distance units (on the unit-square sheets, a fraction of
     * the side), so it is checked to be finite and &gt; 0 rather than a fraction in (0, 1]. Since
     * the maximum is at the smallest distance, a unit at distance 0 from m (m itself on grids and
     * spheres) is always in m's field.
     */
    public static Mask gaussian(Sheet sheet, double sigma, Rng rng) {
        Require.positive("sigma (standard deviation of the Gaussian profile, in distance units)", sigma);
        int size = sheet.size();
        double[] logP = new double[cellCount(size)];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logP.length; i++) {
            logP[i] = logSigmoid(logNormalDensity(sheet.distance(i / size, i % size), sigma));
            max = Math.max(max, logP[i]);
        }
        double logMax = max;
        return where(size, (m, n) -> rng.nextDouble() < Math.exp(logP[m * size + n] - logMax));
    }

    /** All ones: every unit sees every unit (the reference's "full" mask, used with r = 1). */
    public static Mask full(int n) {
        Require.inRange("n", n, 1, MAX_SIZE);
        return where(n, (m, k) -> true);
    }

    /**
     * Each unit's k nearest units by the sheet's distance: the unit itself always, then the k - 1
     * nearest others, ties broken by lower index. Distances within a relative
     * {@value #TIE_TOLERANCE} of each other count as ties, because rounding makes grid
     * neighbours at the same nominal distance differ in the last bits (0.6 - 0.4 != 0.4 - 0.2).
     * Every row has exactly k ones.
     *
     * @param k in [1, N]
     */
    public static Mask kNearest(Sheet sheet, int k) {
        int size = sheet.size();
        Require.inRange("k", k, 1, size);
        boolean[] cells = new boolean[cellCount(size)];
        double[] row = new double[size];
        for (int m = 0; m < size; m++) {
            cells[m * size + m] = true;
            if (k == 1) {
                continue;
            }
            for (int n = 0; n < size; n++) {
                row[n] = n == m ? Double.POSITIVE_INFINITY : sheet.distance(m, n);
            }
            double[] sorted = row.clone();
            Arrays.sort(sorted);
            double kth = sorted[k - 2];
            double below = kth - TIE_TOLERANCE * kth;
            double above = kth + TIE_TOLERANCE * kth;
            int ties = k - 1 - (int) Arrays.stream(row).filter(d -> d < below).count();
            for (int n = 0; n < size; n++) {
                if (row[n] < below) {
                    cells[m * size + n] = true;
                } else if (row[n] <= above && ties > 0) {
                    cells[m * size + n] = true;
                    ties--;
                }
            }
        }
        return new Mask(size, cells);
    }

    /** The mask whose cells satisfy {@code cell}, evaluated once per cell in row-major order. */
    private static Mask where(int size, Cell cell) {
        boolean[] cells = new boolean[cellCount(size)];
        for (int m = 0; m < size; m++) {
            for (int n = 0; n < size; n++) {
                cells[m * size + n] = cell.test(m, n);
            }
        }
        return new Mask(size, cells);
    }

    /** N * N, after checking that it fits a Java array. */
    private static int cellCount(int size) {
        Require.inRange("N (number of units; N * N cells must fit a Java array)", size, 1, MAX_SIZE);
        return size * size;
    }

    /** log of the N(0, sigma) density at x: -x^2 / (2 sigma^2) - log(sigma sqrt(2 pi)). */
    private static double logNormalDensity(double x, double sigma) {
        return -x * x / (2.0 * sigma * sigma) - Math.log(sigma * Math.sqrt(2.0 * Math.PI));
    }

    /**
     * log sigmoid(x) = -log(1 + e^-x), written so neither branch overflows. Working in logs keeps
     * p / max p finite even when every sigmoid underflows (all distances many sigmas away).
     */
    private static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }

    @FunctionalInterface
    private interface Cell {
        boolean test(int m, int n);
    }
}
