package dev.topos.analysis.topo;

import java.util.Arrays;

/**
 * Column products of an examples x units matrix, shared by {@link UnitCorrelations} and
 * {@link Pca}: columns are copied unit-major (one contiguous row per unit) so that every entry
 * of a units x units product is one dot product of two contiguous arrays.
 */
final class Columns {
    private Columns() {
    }

    /** Unit-major columns of x with each column's mean subtracted; {@code mean} receives the means. */
    static double[][] centred(double[][] x, double[] mean) {
        int units = mean.length;
        int examples = x.length;
        double[][] columns = new double[units][examples];
        for (int e = 0; e < examples; e++) {
            for (int u = 0; u < units; u++) {
                columns[u][e] = x[e][u];
                mean[u] += x[e][u];
            }
        }
        for (int u = 0; u < units; u++) {
            mean[u] /= examples;
            for (int e = 0; e < examples; e++) {
                columns[u][e] -= mean[u];
            }
        }
        return columns;
    }

    /** Whether every value of column u of x is identical (tested exactly). */
    static boolean constant(double[][] x, int u) {
        for (double[] row : x) {
            if (row[u] != x[0][u]) {
                return false;
            }
        }
        return true;
    }

    /**
     * G[u][v] = rows[u] . rows[v], the upper triangle computed and mirrored so G is exactly
     * symmetric; a null row gives a NaN row and column.
     */
    static double[][] gram(double[][] rows) {
        int n = rows.length;
        double[][] g = new double[n][n];
        for (int u = 0; u < n; u++) {
            if (rows[u] == null) {
                Arrays.fill(g[u], Double.NaN);
                continue;
            }
            for (int v = u; v < n; v++) {
                g[u][v] = rows[v] == null ? Double.NaN : dot(rows[u], rows[v]);
            }
            for (int v = 0; v < u; v++) {
                g[u][v] = g[v][u];
            }
        }
        return g;
    }

    /** a . b with four independent partial sums, so the additions do not wait on each other. */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
