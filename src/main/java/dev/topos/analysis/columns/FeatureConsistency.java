package dev.topos.analysis.columns;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Do neighbouring columns compute alike? (Columnformer spec section 8, "cosine similarity of
 * neighbouring columns' features vs distance".)
 *
 * <p>Input: one feature vector per column, f_i (row i of an N x F matrix, e.g. column i's output
 * features over a batch of images, flattened), and the sheet's distances D. For every pair of
 * columns the cosine similarity
 *
 * <pre>  s_ij = f_i . f_j / (|f_i| |f_j|)</pre>
 *
 * is related to distance in two ways:
 * <ul>
 *   <li>By distance: the unordered pairs {i, j} (distance D_ij, D symmetric) are binned by
 *       distance, numpy {@code histogram} conventions ([e_b, e_{b+1}), last bin closed, pairs
 *       outside the edges left out), giving the mean s and the number of pairs per bin (mean NaN
 *       in an empty bin). Automatic edges: equal bins from 0 to the largest pair distance (0 to 1
 *       if that is 0), their count by Sturges' rule on the number of pairs.</li>
 *   <li>By neighbourhood: for each column i, the mean s_ij over its k nearest columns (smallest
 *       D_ij, j != i, ties broken by the lower index) against the mean over all other columns;
 *       and the means of both over columns. Topographic features make the first larger.</li>
 * </ul>
 * A column whose features are all 0 has no direction and no cosine: it is left out of every pair
 * and every neighbourhood, its own values are NaN, and it is listed in
 * {@link Result#droppedColumns()}. Column means skip NaN values; a column with fewer than k + 1
 * other kept columns has NaN for "others" (and fewer than k neighbours if fewer than k remain).
 */
public final class FeatureConsistency {
    /**
     * @param edges          ascending bin edges of distance
     * @param meanSimilarity mean s_ij of the pairs in each bin, NaN when empty
     * @param count          the number of pairs in each bin
     */
    public record ByDistance(double[] edges, double[] meanSimilarity, long[] count) {
    }

    /**
     * @param k                   the number of nearest columns per column
     * @param neighbourSimilarity per column, the mean s_ij over its k nearest columns
     * @param otherSimilarity     per column, the mean s_ij over all its other columns
     * @param meanNeighbour       the mean of neighbourSimilarity over columns (NaN skipped)
     * @param meanOther           the mean of otherSimilarity over columns (NaN skipped)
     */
    public record Neighbours(int k, double[] neighbourSimilarity, double[] otherSimilarity, double meanNeighbour,
                             double meanOther) {
    }

    /**
     * @param byDistance     similarity binned by distance
     * @param neighbours     similarity to the nearest columns against the rest
     * @param droppedColumns columns whose features are all 0
     */
    public record Result(ByDistance byDistance, Neighbours neighbours, int[] droppedColumns) {
    }

    private FeatureConsistency() {
    }

    /**
     * Both relations with automatic distance bins (see the class comment).
     *
     * @throws IllegalArgumentException as {@link #compute(double[][], double[][], double[], int)}
     */
    public static Result compute(double[][] features, double[][] d, int neighbours) {
        double[][] unit = unitRows(features, d, neighbours);
        long pairs = 0;
        double max = 0;
        for (int i = 0; i < unit.length; i++) {
            for (int j = i + 1; j < unit.length; j++) {
                if (unit[i] != null && unit[j] != null) {
                    pairs++;
                    max = Math.max(max, d[i][j]);
                }
            }
        }
        return relate(unit, d, Bins.uniform(Bins.sturges(pairs), max > 0 ? max : 1.0), neighbours);
    }

    /**
     * Both relations with the given distance bin edges.
     *
     * @param features   N x F feature vectors, one row per column, N &gt;= 2
     * @param d          N x N symmetric distances
     * @param edges      at least 2 finite, strictly ascending bin edges
     * @param neighbours k, the number of nearest columns, in [1, N - 1]
     * @throws IllegalArgumentException on ragged or non-finite features, distances that are not
     *                                  N x N, finite, &gt;= 0 and symmetric, bad edges or k
     */
    public static Result compute(double[][] features, double[][] d, double[] edges, int neighbours) {
        Bins.check(edges);
        return relate(unitRows(features, d, neighbours), d, edges.clone(), neighbours);
    }

    private static Result relate(double[][] unit, double[][] d, double[] edges, int k) {
        int n = unit.length;
        int bins = edges.length - 1;
        double[] binSum = new double[bins];
        long[] count = new long[bins];
        double[] near = new double[n];
        double[] other = new double[n];
        boolean[] isNeighbour = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (unit[i] == null) {
                near[i] = Double.NaN;
                other[i] = Double.NaN;
                continue;
            }
            int[] nearest = nearest(unit, d, i, k);
            for (int j : nearest) {
                isNeighbour[j] = true;
            }
            double nearSum = 0;
            double otherSum = 0;
            int others = 0;
            for (int j = 0; j < n; j++) {
                if (j == i || unit[j] == null) {
                    continue;
                }
                double s = cosine(unit[i], unit[j]);
                if (isNeighbour[j]) {
                    nearSum += s;
                } else {
                    otherSum += s;
                    others++;
                }
                if (j > i) {
                    int bin = Bins.index(edges, d[i][j]);
                    if (bin >= 0) {
                        binSum[bin] += s;
                        count[bin]++;
                    }
                }
            }
            for (int j : nearest) {
                isNeighbour[j] = false;
            }
            near[i] = nearest.length > 0 ? nearSum / nearest.length : Double.NaN;
            other[i] = others > 0 ? otherSum / others : Double.NaN;
        }
        double[] mean = new double[bins];
        for (int b = 0; b < bins; b++) {
            mean[b] = count[b] > 0 ? binSum[b] / count[b] : Double.NaN;
        }
        int[] dropped = IntStream.range(0, n).filter(i -> unit[i] == null).toArray();
        return new Result(new ByDistance(edges, mean, count),
                new Neighbours(k, near, other, meanSkippingNaN(near), meanSkippingNaN(other)), dropped);
    }

    /** The k kept columns j != i closest to i, ties to the lower index (a stable sort of 0..N-1). */
    private static int[] nearest(double[][] unit, double[][] d, int i, int k) {
        return IntStream.range(0, unit.length)
                .filter(j -> j != i && unit[j] != null)
                .boxed()
                .sorted(Comparator.comparingDouble(j -> d[i][j]))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Checks the inputs and returns each row scaled to unit length (null for an all-zero row). */
    private static double[][] unitRows(double[][] features, double[][] d, int k) {
        if (features == null || features.length < 2) {
            throw new IllegalArgumentException("features need at least 2 rows (columns), got "
                    + (features == null ? "null" : features.length));
        }
        int n = features.length;
        Checks.distances(d, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(d[i][j] - d[j][i]) > 1e-9 * Math.max(1.0, d[i][j])) {
                    throw new IllegalArgumentException("distances D[" + i + "][" + j + "] = " + d[i][j] + " but D[" + j
                            + "][" + i + "] = " + d[j][i] + "; D must be symmetric");
                }
            }
        }
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("neighbours must be in [1, " + (n - 1) + "], got " + k);
        }
        int width = features[0] == null ? 0 : features[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("features need at least 1 value per column, got "
                    + (features[0] == null ? "null" : "0"));
        }
        double[][] unit = new double[n][];
        for (int i = 0; i < n; i++) {
            if (features[i] == null || features[i].length != width) {
                throw new IllegalArgumentException("features row " + i + " has "
                        + (features[i] == null ? "null" : features[i].length) + " values; every row must have "
                        + width + " (row 0)");
            }
            double largest = 0;
            for (int f = 0; f < width; f++) {
                if (!Double.isFinite(features[i][f])) {
                    throw new IllegalArgumentException("features[" + i + "][" + f + "] is " + features[i][f]
                            + "; values must be finite numbers");
                }
                largest = Math.max(largest, Math.abs(features[i][f]));
            }
            if (largest > 0) { // divide by the largest |x| first so the squares neither overflow nor underflow
                double scale = largest;
                double[] row = Arrays.stream(features[i]).map(x -> x / scale).toArray();
                double norm = Math.sqrt(Arrays.stream(row).map(x -> x * x).sum());
                unit[i] = Arrays.stream(row).map(x -> x / norm).toArray();
            }
        }
        return unit;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        for (int f = 0; f < a.length; f++) {
            dot += a[f] * b[f];
        }
        return Math.max(-1.0, Math.min(1.0, dot));
    }

    private static double meanSkippingNaN(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
