package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateMapSmoothingTest {
    @Test
    void aSingleVisitedNeighbourPairIsAveragedByHand() {
        // two visited bins side by side, the rest unvisited: each becomes (v + e^(-1/2) v') / (1 + e^(-1/2))
        double n = Double.NaN;
        double[][] map = {{1, 3, n}, {n, n, n}};
        double[][] s = RateMapSmoothing.of(map, 1);
        double k = Math.exp(-0.5);
        assertEquals((1 + k * 3) / (1 + k), s[0][0], 1e-12);
        assertEquals((3 + k * 1) / (1 + k), s[0][1], 1e-12);
        assertTrue(Double.isNaN(s[0][2]) && Double.isNaN(s[1][0]), "unvisited bins stay unvisited");
    }

    @Test
    void aConstantMapStaysConstantAndSigmaZeroIsTheIdentity() {
        double[][] flat = new double[7][9];
        for (double[] row : flat) {
            java.util.Arrays.fill(row, 2.5);
        }
        flat[3][4] = Double.NaN;
        double[][] s = RateMapSmoothing.of(flat, 1.5);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                if (y == 3 && x == 4) {
                    assertTrue(Double.isNaN(s[y][x]));
                } else {
                    assertEquals(2.5, s[y][x], 1e-12, "a weighted mean of equal values");
                }
            }
        }
        double[][] map = Patterns.planeWaves(8, 4, new double[] {0, 90}, 0, 0);
        double[][] same = RateMapSmoothing.of(map, 0);
        for (int y = 0; y < 8; y++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(map[y], same[y]);
        }
        assertThrows(IllegalArgumentException.class, () -> RateMapSmoothing.of(map, -1));
    }

    @Test
    void aCheckerboardLosesItsFourFoldScoreAndASquareLatticeKeepsIt() {
        int size = 16;
        double[][] checker = new double[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                checker[y][x] = ((x + y) % 2 == 0 ? 1 : 0) + 0.01 * Math.sin(0.7 * x + 1.3 * y);
            }
        }
        double raw = GridScore.square(Autocorrelogram.of(checker));
        double smoothed = GridScore.square(Autocorrelogram.of(RateMapSmoothing.of(checker, 1)));
        assertTrue(raw > 0.9, "a checkerboard is four-fold: " + raw);
        assertTrue(smoothed < 0.5, "after smoothing only the weak smooth ripple is left: " + smoothed);
        double[][] lattice = Patterns.planeWaves(size, 6, new double[] {0, 90}, 0.3, 1.7);
        double kept = GridScore.square(Autocorrelogram.of(RateMapSmoothing.of(lattice, 1)));
        assertTrue(kept > 0.5, "a square lattice of period 6 stays four-fold: " + kept);
    }
}
