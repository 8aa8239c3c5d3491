package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class AutocorrelogramTest {
    private static double[][] randomMap(int h, int w, Rng rng) {
        double[][] m = new double[h][w];
        for (double[] row : m) {
            for (int x = 0; x < w; x++) {
                row[x] = rng.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void isOneAtTheCentreAndPointSymmetric() {
        int h = 7;
        int w = 9;
        double[][] m = randomMap(h, w, new Rng(3));
        m[2][4] = Double.NaN;
        double[][] ac = Autocorrelogram.of(m, 5);
        assertEquals(2 * h - 1, ac.length);
        assertEquals(2 * w - 1, ac[0].length);
        assertEquals(1.0, ac[h - 1][w - 1], 1e-12);
        for (int i = 0; i < ac.length; i++) {
            for (int j = 0; j < ac[0].length; j++) {
                double mirrored = ac[ac.length - 1 - i][ac[0].length - 1 - j];
                assertEquals(Double.doubleToLongBits(ac[i][j]), Double.doubleToLongBits(mirrored));
            }
        }
    }

    @Test
    void lagOfOnePeriodCorrelatesPerfectly() {
        int p = 4;
        double[][] tile = randomMap(12, p, new Rng(5));
        double[][] m = new double[12][16];
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                m[y][x] = tile[y][x % p];
            }
        }
        double[][] ac = Autocorrelogram.of(m);
        assertEquals(1.0, ac[11][15 + p], 1e-12);
        assertEquals(1.0, ac[11][15 - p], 1e-12);
        assertTrue(ac[11][15 + p / 2] < 0.9); // half a period is not a symmetry of random tiles
    }

    @Test
    void lagsWithTooFewOverlappingBinsAreNaN() {
        double[][] ac = Autocorrelogram.of(randomMap(5, 5, new Rng(9)), 20);
        // lag (0, 1) overlaps 5 x 4 = 20 bins, lag (0, 2) only 15
        assertTrue(!Double.isNaN(ac[4][5]));
        assertTrue(Double.isNaN(ac[4][6]));
        assertTrue(Double.isNaN(ac[0][0]));
    }
}
