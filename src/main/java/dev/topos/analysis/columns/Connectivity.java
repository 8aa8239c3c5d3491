package dev.topos.analysis.columns;

import java.util.Arrays;

/**
 * A Columnformer's column-to-column connectivity (Columnformer spec sections 2 and 6): for each
 * column i (row i, "who column i reads"), the columns j it attends to and the attention A_ij it
 * gives them, typically averaged over images and over recurrent steps (or taken at one step).
 *
 * <p>One representation serves dense and sparse models: row i holds K_i sources
 * {@code source(i, k)} with weights {@code weight(i, k)}. A dense N x N attention matrix keeps
 * every j ({@link #dense}, K_i = N); a sparse model's N x K weights and N x K index table of
 * gathered neighbours ({@link #sparse}) keep only those. Columns a row does not list have
 * A_ij = 0. Every analysis of this package reads rows this way, so it runs in O(sum_i K_i).
 *
 * <p>Rows are attention distributions: weights are finite and &gt;= 0 and each row sums to 1
 * within {@link #ROW_SUM_TOLERANCE} (attention is computed and averaged in float32, whose
 * rounding over N terms can reach ~1e-4). Weights are kept as given, not renormalised. A row
 * may not list the same source twice.
 *
 * <p>Instances are immutable: factories copy their arguments and accessors return copies.
 */
public final class Connectivity {
    /** How far a row's sum may be from 1. */
    public static final double ROW_SUM_TOLERANCE = 1e-3;

    private final int[][] sources;
    private final double[][] weights;

    private Connectivity(int[][] sources, double[][] weights) {
        this.sources = sources;
        this.weights = weights;
    }

    /**
     * Every entry of a dense N x N attention matrix: row i is column i's incoming attention over
     * all N columns, zeros included.
     *
     * @throws IllegalArgumentException if {@code a} is not N x N (N &gt;= 1), holds a negative or
     *                                  non-finite value, or a row does not sum to 1
     */
    public static Connectivity dense(double[][] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("attention A must be N x N with N >= 1, got "
                    + (a == null ? "null" : "0 rows"));
        }
        int n = a.length;
        int[] all = new int[n];
        Arrays.setAll(all, j -> j);
        int[][] sources = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException("attention A must be square: row " + i + " has "
                        + (a[i] == null ? "null" : a[i].length) + " entries, expected " + n);
            }
            sources[i] = all; // shared: never handed out or written
            weights[i] = a[i].clone();
            checkRow(i, weights[i]);
        }
        return new Connectivity(sources, weights);
    }

    /**
     * A sparse model's connectivity: row i attends to columns {@code sources[i][k]} with weight
     * {@code weights[i][k]}. Rows usually have the same K but may differ.
     *
     * @throws IllegalArgumentException if the arrays are null, empty or of different shapes, a
     *                                  source lies outside [0, N) or repeats within its row, or a
     *                                  weight is negative, not finite, or a row does not sum to 1
     */
    public static Connectivity sparse(int[][] sources, double[][] weights) {
        if (sources == null || weights == null || sources.length == 0) {
            throw new IllegalArgumentException("sources and weights must both have N >= 1 rows, got "
                    + (sources == null ? "null" : sources.length) + " and " + (weights == null ? "null" : weights.length));
        }
        int n = sources.length;
        if (weights.length != n) {
            throw new IllegalArgumentException("sources has " + n + " rows but weights has " + weights.length
                    + "; both need one row per column");
        }
        int[][] s = new int[n][];
        double[][] w = new double[n][];
        int[] seenInRow = new int[n];
        Arrays.fill(seenInRow, -1);
        for (int i = 0; i < n; i++) {
            if (sources[i] == null || weights[i] == null || sources[i].length == 0
                    || sources[i].length != weights[i].length) {
                throw new IllegalArgumentException("row " + i + " has " + length(sources[i]) + " sources and "
                        + length(weights[i]) + " weights; each row needs K >= 1 of each, equally many");
            }
            s[i] = sources[i].clone();
            w[i] = weights[i].clone();
            for (int k = 0; k < s[i].length; k++) {
                int j = s[i][k];
                if (j < 0 || j >= n) {
                    throw new IllegalArgumentException("sources[" + i + "][" + k + "] is " + j + "; columns are 0.."
                            + (n - 1));
                }
                if (seenInRow[j] == i) {
                    throw new IllegalArgumentException("sources row " + i + " lists column " + j
                            + " twice; each source may appear once per row");
                }
                seenInRow[j] = i;
            }
            checkRow(i, w[i]);
        }
        return new Connectivity(s, w);
    }

    /** N, the number of columns. */
    public int size() {
        return sources.length;
    }

    /** K_i, the number of sources row i lists (N for a dense connectivity). */
    public int rowLength(int i) {
        Checks.column("row i", i, size());
        return sources[i].length;
    }

    /** The k-th column that column i reads. */
    public int source(int i, int k) {
        return sources[i][k];
    }

    /** The attention A_ij column i gives its k-th source j = {@code source(i, k)}. */
    public double weight(int i, int k) {
        return weights[i][k];
    }

    /** A copy of the N x K_i source table. */
    public int[][] sources() {
        int[][] copy = new int[sources.length][];
        Arrays.setAll(copy, i -> sources[i].clone());
        return copy;
    }

    /** A copy of the N x K_i weight table. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        Arrays.setAll(copy, i -> weights[i].clone());
        return copy;
    }

    /** The dense N x N matrix A: row i holds A_ij at its sources and 0 everywhere else. */
    public double[][] matrix() {
        double[][] a = new double[size()][];
        Arrays.setAll(a, this::incomingField);
        return a;
    }

    /**
     * Column i's incoming field: A_ij for every column j of the sheet (0 where i does not read
     * j), a length-N map to draw on the sheet.
     *
     * @throws IllegalArgumentException if i is not a column
     */
    public double[] incomingField(int i) {
        Checks.column("column i", i, size());
        double[] field = new double[size()];
        for (int k = 0; k < sources[i].length; k++) {
            field[sources[i][k]] = weights[i][k];
        }
        return field;
    }

    private static void checkRow(int i, double[] row) {
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            if (!(row[k] >= 0) || row[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("attention weight of row " + i + ", entry " + k + " is " + row[k]
                        + "; attention weights must be finite and >= 0");
            }
            sum += row[k];
        }
        if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
            throw new IllegalArgumentException("attention row " + i + " sums to " + sum
                    + "; each row must sum to 1 (within " + ROW_SUM_TOLERANCE + ")");
        }
    }

    private static String length(int[] row) {
        return row == null ? "null" : String.valueOf(row.length);
    }

    private static String length(double[] row) {
        return row == null ? "null" : String.valueOf(row.length);
    }
}
