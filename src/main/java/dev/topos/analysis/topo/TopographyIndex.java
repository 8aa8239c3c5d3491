package dev.topos.analysis.topo;

import dev.topos.geometry.Sheet;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * The topography statistic of the Topoformer paper (reference {@code calculate_tgi} and
 * {@code compute_generic_summary_stat(stat_type='rankcorr')} in {@code TahaBinhuraib/topoformer};
 * Topoformer spec section 5): do units that sit close on the sheet respond alike?
 *
 * <ol>
 *   <li>r_uv: the correlation between units u and v across examples ({@link UnitCorrelations}).</li>
 *   <li>For each d_max in {0.1, 0.2, ..., 0.8}: the unit pairs u &lt; v with 0 &lt; d(u, v) &lt;= d_max,
 *       d the sheet's distance (torus distance on the Topoformer sheet,
 *       {@link dev.topos.geometry.Sheets#grid}). A pair at d_max up to 1e-9 is kept, so pairs
 *       exactly d_max apart do not depend on floating-point rounding of the coordinates.</li>
 *   <li>At most 100,000 of those pairs, drawn uniformly without replacement with the given
 *       {@link Rng} (partial Fisher–Yates).</li>
 *   <li>value(d_max) = -Spearman(r, d) over the drawn pairs ({@link SpearmansCorrelation} of
 *       Apache Commons Math, average ranks for ties as scipy's {@code spearmanr}).</li>
 *   <li>The statistic is the mean of the eight values.</li>
 * </ol>
 * Positive values mean correlation falls with distance (topography); about 0 without it.
 *
 * <p>Departures from the reference, none of which changes the statistic's meaning:
 * <ul>
 *   <li>The reference z-scores the drawn correlations before the rank correlation. A z-score is a
 *       strictly increasing affine map, which leaves every rank and so Spearman's rho unchanged;
 *       it is therefore not computed.</li>
 *   <li>The reference draws from ordered pairs (both (u, v) and (v, u) of the flattened matrix);
 *       here each unordered pair appears once. When all pairs are used the two give the same rho
 *       (doubling every point keeps the ranks' linear relation); when sampling, both draw
 *       uniformly from the same set of distinct pairs.</li>
 *   <li>A constant unit has no defined correlation. The reference sets such NaN correlations to
 *       0, which plants artificial pairs at every distance; here the unit's pairs are dropped
 *       and the unit is listed in {@link Result#droppedUnits()}.</li>
 * </ul>
 * A value is NaN when fewer than 2 pairs are eligible (d_max below the sheet's spacing) or the
 * drawn correlations or distances are all equal; the mean is then NaN too, as numpy's.
 */
public final class TopographyIndex {
    /** The reference's cap on the number of pairs per d_max. */
    public static final int MAX_PAIRS = 100_000;

    private static final double DISTANCE_TOLERANCE = 1e-9;

    /**
     * The statistic per d_max and their mean.
     *
     * @param maxDistances  the d_max values, ascending
     * @param values        -Spearman(correlation, distance) at each d_max
     * @param mean          the mean of {@code values}
     * @param eligiblePairs pairs with 0 &lt; d &lt;= d_max between non-constant units, before sampling
     * @param droppedUnits  indices of constant units, whose pairs were left out
     */
    public record Result(double[] maxDistances, double[] values, double mean, int[] eligiblePairs,
                         int[] droppedUnits) {
    }

    private TopographyIndex() {
    }

    /** The reference's d_max values: 0.1, 0.2, ..., 0.8 (numpy {@code linspace(0.1, 0.8, 8)}). */
    public static double[] defaultMaxDistances() {
        double[] d = new double[8];
        for (int k = 0; k < d.length; k++) {
            d[k] = (k + 1) / 10.0;
        }
        return d;
    }

    /** The statistic with the reference's d_max values and pair cap. */
    public static Result compute(double[][] examplesByUnits, Sheet sheet, Rng rng) {
        return compute(examplesByUnits, sheet, defaultMaxDistances(), MAX_PAIRS, rng);
    }

    /**
     * The statistic for an examples x units activation matrix whose units are the sheet's units.
     *
     * @param maxDistances the d_max values, each finite and &gt; 0
     * @param maxPairs     the most pairs drawn per d_max, at least 2
     * @param rng          the source of the pair draws (advanced by this call)
     * @throws IllegalArgumentException on ragged or non-finite input, fewer than 2 examples, a unit
     *                                  count other than the sheet's size, or bad parameters
     */
    public static Result compute(double[][] examplesByUnits, Sheet sheet, double[] maxDistances, int maxPairs,
                                 Rng rng) {
        int units = Inputs.columns("activations (examples x units)", examplesByUnits, 2);
        if (units != sheet.size()) {
            throw new IllegalArgumentException("activations have " + units + " units but the sheet has "
                    + sheet.size() + "; they must be the same units");
        }
        if (maxDistances.length == 0) {
            throw new IllegalArgumentException("need at least one d_max, got none");
        }
        for (double d : maxDistances) {
            if (!(d > 0 && d < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("each d_max must be finite and > 0, got " + d);
            }
        }
        if (maxPairs < 2) {
            throw new IllegalArgumentException("maxPairs must be >= 2, got " + maxPairs);
        }
        double[][] r = UnitCorrelations.of(examplesByUnits);
        int[] dropped = IntStream.range(0, units).filter(u -> Double.isNaN(r[u][u])).toArray();
        double[] values = new double[maxDistances.length];
        int[] eligible = new int[maxDistances.length];
        for (int k = 0; k < maxDistances.length; k++) {
            Pairs pairs = Pairs.within(r, sheet, maxDistances[k] + DISTANCE_TOLERANCE);
            eligible[k] = pairs.count;
            values[k] = pairs.count < 2 ? Double.NaN : pairs.sample(maxPairs, rng).negativeSpearman();
        }
        return new Result(maxDistances.clone(), values, Arrays.stream(values).average().orElse(Double.NaN),
                eligible, dropped);
    }

    /** Correlation and distance of unit pairs, the first {@code count} entries in use. */
    private static final class Pairs {
        final double[] correlation;
        final double[] distance;
        final int count;

        Pairs(double[] correlation, double[] distance, int count) {
            this.correlation = correlation;
            this.distance = distance;
            this.count = count;
        }

        /** Pairs u &lt; v of non-constant units with 0 &lt; d &lt;= limit. */
        static Pairs within(double[][] r, Sheet sheet, double limit) {
            int units = r.length;
            int capacity = units * (units - 1) / 2;
            double[] correlation = new double[capacity];
            double[] distance = new double[capacity];
            int count = 0;
            for (int u = 0; u < units; u++) {
                for (int v = u + 1; v < units; v++) {
                    double d = sheet.distance(u, v);
                    if (d > 0 && d <= limit && !Double.isNaN(r[u][v])) {
                        correlation[count] = r[u][v];
                        distance[count] = d;
                        count++;
                    }
                }
            }
            return new Pairs(correlation, distance, count);
        }

        /** Up to {@code limit} pairs drawn uniformly without replacement (partial Fisher–Yates). */
        Pairs sample(int limit, Rng rng) {
            if (count <= limit) {
                return this;
            }
            int[] index = new int[count];
            for (int i = 0; i < count; i++) {
                index[i] = i;
            }
            double[] c = new double[limit];
            double[] d = new double[limit];
            for (int i = 0; i < limit; i++) {
                int j = i + rng.nextInt(count - i);
                int chosen = index[j];
                index[j] = index[i];
                index[i] = chosen;
                c[i] = correlation[chosen];
                d[i] = distance[chosen];
            }
            return new Pairs(c, d, limit);
        }

        double negativeSpearman() {
            double[] c = Arrays.copyOf(correlation, count);
            double[] d = Arrays.copyOf(distance, count);
            return -new SpearmansCorrelation().correlation(c, d);
        }
    }
}
