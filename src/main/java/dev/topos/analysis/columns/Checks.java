package dev.topos.analysis.columns;

/** Input checks shared by the column analyses; messages name the argument, the value and what is allowed. */
final class Checks {
    private Checks() {
    }

    /** Checks that {@code d} is an N x N matrix (N &gt;= 1) of finite, non-negative distances; returns N. */
    static int distances(double[][] d) {
        if (d == null || d.length == 0) {
            throw new IllegalArgumentException("distances D must be N x N with N >= 1, got "
                    + (d == null ? "null" : "0 rows"));
        }
        distances(d, d.length);
        return d.length;
    }

    /** Checks that {@code d} is an n x n matrix of finite, non-negative distances. */
    static void distances(double[][] d, int n) {
        if (d == null || d.length != n) {
            throw new IllegalArgumentException("distances D must be " + n + " x " + n + " (one row per column), got "
                    + (d == null ? "null" : d.length + " rows"));
        }
        for (int i = 0; i < n; i++) {
            if (d[i] == null || d[i].length != n) {
                throw new IllegalArgumentException("distances D row " + i + " has "
                        + (d[i] == null ? "null" : d[i].length) + " entries; every row must have " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!(d[i][j] >= 0) || d[i][j] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("distances D[" + i + "][" + j + "] is " + d[i][j]
                            + "; distances must be finite and >= 0");
                }
            }
        }
    }

    /** Checks that {@code set} is a non-empty list of column indices in [0, n). */
    static void columnSet(String name, int[] set, int n) {
        if (set == null || set.length == 0) {
            throw new IllegalArgumentException(name + " must list at least one column, got "
                    + (set == null ? "null" : "none"));
        }
        for (int k = 0; k < set.length; k++) {
            if (set[k] < 0 || set[k] >= n) {
                throw new IllegalArgumentException(name + "[" + k + "] is " + set[k] + "; columns are 0.." + (n - 1));
            }
        }
    }

    /** Checks that {@code i} is a column index in [0, n). */
    static void column(String name, int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(name + " is " + i + "; columns are 0.." + (n - 1));
        }
    }
}
