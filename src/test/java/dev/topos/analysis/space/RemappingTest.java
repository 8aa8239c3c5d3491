package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class RemappingTest {
    private static final int SIZE = 20;
    private static final int UNITS = 30;

    /** Grid-like units: hexagonal patterns of a few scales and orientations at random phases, shifted by (sx, sy). */
    private static double[][][] gridUnits(long seed, double sx, double sy) {
        Rng rng = new Rng(seed);
        double[][][] maps = new double[UNITS][][];
        for (int u = 0; u < UNITS; u++) {
            double wavelength = 5 + 3 * (u % 3);
            double orientation = 20.0 * (u % 2);
            double[] angles = {orientation, orientation + 60, orientation + 120};
            double ox = rng.uniform(0, SIZE);
            double oy = rng.uniform(0, SIZE);
            maps[u] = Patterns.planeWaves(SIZE, wavelength, angles, ox - sx, oy - sy);
        }
        return maps;
    }

    private static double[][][] withHoles(double[][][] maps) {
        for (double[][] m : maps) {
            m[3][4] = Double.NaN;
            m[10][0] = Double.NaN;
        }
        return maps;
    }

    @Test
    void identicalWorldsKeepEverything() {
        double[][][] a = withHoles(gridUnits(1, 0, 0));
        double[][][] b = withHoles(gridUnits(1, 0, 0));
        assertEquals(1.0, Remapping.relationCorrelation(a, b), 1e-12);
        assertEquals(1.0, Remapping.meanMapCorrelation(a, b), 1e-12);
    }

    @Test
    void independentSpatialShufflesDestroyRelations() {
        double[][][] a = gridUnits(2, 0, 0);
        double[][][] b = new double[UNITS][SIZE][SIZE];
        Rng rng = new Rng(77);
        for (int u = 0; u < UNITS; u++) {
            int[] perm = permutation(SIZE * SIZE, rng);
            for (int i = 0; i < SIZE * SIZE; i++) {
                b[u][i / SIZE][i % SIZE] = a[u][perm[i] / SIZE][perm[i] % SIZE];
            }
        }
        double r = Remapping.relationCorrelation(a, b);
        assertTrue(Math.abs(r) < 0.2, "relation correlation after shuffling " + r);
        assertTrue(Math.abs(Remapping.meanMapCorrelation(a, b)) < 0.1);
    }

    @Test
    void aCommonTranslationKeepsRelationsButMovesMaps() {
        double[][][] a = gridUnits(3, 0, 0);
        double[][][] b = gridUnits(3, 2.5, -3.5);
        // Not exactly 1: the box shows a different window of each pattern after the shift, which
        // perturbs the near-zero correlations between units of different scales (~0.90 here).
        double r = Remapping.relationCorrelation(a, b);
        assertTrue(r > 0.8, "relation correlation after a common shift " + r);
        double mean = Remapping.meanMapCorrelation(a, b);
        assertTrue(mean < 0.5, "mean map correlation after a common shift " + mean);
    }

    /** Fisher–Yates shuffle of 0..n-1. */
    private static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
