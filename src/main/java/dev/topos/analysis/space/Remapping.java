package dev.topos.analysis.space;

/**
 * Whether units keep their relations across two worlds of the same size (TEM-t spec §3;
 * Whittington et al., Cell 2020, Fig. 5: grid cells keep their relations, place cells remap).
 *
 * <p>Inputs are rate maps [unit][y][x] of the same U units in worlds A and B. With
 * R^W_ij = pearson(map^W_i, map^W_j) over the bins visited in both maps ({@link Pearson}):
 * <ul>
 *   <li>{@link #relationCorrelation}: pearson over pairs i &lt; j of (R^A_ij, R^B_ij) — near 1 when
 *       the unit-by-unit structure survives (e.g. all grids shift together), near 0 when units
 *       remap independently. Pairs with a NaN correlation in either world are left out.</li>
 *   <li>{@link #meanMapCorrelation}: the mean over units of pearson(map^A_i, map^B_i), ignoring
 *       units whose correlation is NaN — 1 only if each unit fires at the same places.</li>
 * </ul>
 */
public final class Remapping {
    private Remapping() {
    }

    /** Correlation of the upper triangles of the unit-by-unit map correlation matrices of A and B. */
    public static double relationCorrelation(double[][][] mapsA, double[][][] mapsB) {
        requireSameUnits(mapsA, mapsB);
        double[][] a = unitCorrelations(mapsA);
        double[][] b = unitCorrelations(mapsB);
        Pearson p = new Pearson();
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                p.add(a[i][j], b[i][j]);
            }
        }
        return p.value();
    }

    /** Mean over units of the correlation between a unit's map in A and its map in B (NaN if none is defined). */
    public static double meanMapCorrelation(double[][][] mapsA, double[][][] mapsB) {
        requireSameUnits(mapsA, mapsB);
        double sum = 0;
        int n = 0;
        for (int u = 0; u < mapsA.length; u++) {
            double r = Pearson.of(mapsA[u], mapsB[u]);
            if (!Double.isNaN(r)) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The symmetric U x U matrix of NaN-aware correlations between the maps of one world. */
    public static double[][] unitCorrelations(double[][][] maps) {
        int units = maps.length;
        double[][] r = new double[units][units];
        for (int i = 0; i < units; i++) {
            r[i][i] = Pearson.of(maps[i], maps[i]);
            for (int j = i + 1; j < units; j++) {
                r[i][j] = Pearson.of(maps[i], maps[j]);
                r[j][i] = r[i][j];
            }
        }
        return r;
    }

    private static void requireSameUnits(double[][][] mapsA, double[][][] mapsB) {
        if (mapsA.length != mapsB.length) {
            throw new IllegalArgumentException("unit counts differ: " + mapsA.length + " vs " + mapsB.length);
        }
    }
}
