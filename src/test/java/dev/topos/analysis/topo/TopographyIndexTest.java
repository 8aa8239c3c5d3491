package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.util.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopographyIndexTest {
    private static final int SIDE = 20;
    private static final Sheet TORUS = Sheets.grid(SIDE, true);

    /**
     * Responses driven by a smooth random field on the torus: example e gives unit n the value
     * f_e(c_n) + noise, f_e a random combination of the lowest Fourier modes (periodic, so smooth
     * across the wrap too). Nearby units then see nearly the same field value in every example.
     */
    private static double[][] plantedTopography(int examples, Rng rng) {
        int[][] modes = {{1, 0}, {0, 1}, {1, 1}, {1, -1}, {2, 0}, {0, 2}};
        int units = SIDE * SIDE;
        double[][] x = new double[examples][units];
        for (int e = 0; e < examples; e++) {
            double[] cosine = new double[modes.length];
            double[] sine = new double[modes.length];
            for (int m = 0; m < modes.length; m++) {
                cosine[m] = rng.nextGaussian();
                sine[m] = rng.nextGaussian();
            }
            for (int n = 0; n < units; n++) {
                double[] c = TORUS.coord(n);
                double f = 0;
                for (int m = 0; m < modes.length; m++) {
                    double phase = 2 * Math.PI * (modes[m][0] * c[0] + modes[m][1] * c[1]);
                    f += cosine[m] * Math.cos(phase) + sine[m] * Math.sin(phase);
                }
                x[e][n] = f + 0.5 * rng.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void plantedSmoothTopographyIsClearlyPositive() {
        TopographyIndex.Result result = TopographyIndex.compute(plantedTopography(300, new Rng(1)), TORUS, new Rng(2));
        assertTrue(result.mean() > 0.5, () -> "mean " + result.mean() + " values " + Arrays.toString(result.values()));
        for (double v : result.values()) {
            assertTrue(v > 0.2, () -> Arrays.toString(result.values()));
        }
        assertEquals(0, result.droppedUnits().length);
    }

    @Test
    void shuffledUnitPositionsGiveAboutZero() {
        double[][] x = plantedTopography(300, new Rng(1));
        int units = SIDE * SIDE;
        int[] permutation = new int[units];
        for (int n = 0; n < units; n++) {
            permutation[n] = n;
        }
        Rng rng = new Rng(3);
        for (int n = units - 1; n > 0; n--) {
            int j = rng.nextInt(n + 1);
            int t = permutation[n];
            permutation[n] = permutation[j];
            permutation[j] = t;
        }
        double[][] shuffled = new double[x.length][units];
        for (int e = 0; e < x.length; e++) {
            for (int n = 0; n < units; n++) {
                shuffled[e][n] = x[e][permutation[n]];
            }
        }
        TopographyIndex.Result result = TopographyIndex.compute(shuffled, TORUS, new Rng(2));
        assertEquals(0.0, result.mean(), 0.05, () -> Arrays.toString(result.values()));
    }

    @Test
    void eligiblePairsCountTheLatticeDiscAndKeepPairsExactlyAtDmax() {
        // d_max = 0.1 is 2 cells: offsets (+-1,0), (0,+-1), (+-1,+-1), (+-2,0), (0,+-2) = 12 neighbours,
        // 400 * 12 / 2 = 2400 pairs. d_max = 0.2 is 4 cells: the disc of radius 4 holds 49 lattice
        // points (1 + 4*4 + 4*(3 + 3 + 2 + 0)), 48 neighbours, 400 * 48 / 2 = 9600 pairs.
        TopographyIndex.Result result = TopographyIndex.compute(plantedTopography(20, new Rng(5)), TORUS, new Rng(6));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}, result.maxDistances(), 0);
        assertEquals(2400, result.eligiblePairs()[0]);
        assertEquals(9600, result.eligiblePairs()[1]);
        // beyond the torus's largest distance sqrt(0.5) = 0.707 every pair is eligible
        assertEquals(400 * 399 / 2, result.eligiblePairs()[7]);
        assertEquals(Arrays.stream(result.values()).average().orElseThrow(), result.mean(), 1e-15);
    }

    @Test
    void sameSeedSameValueAndSamplingStaysClose() {
        double[][] x = plantedTopography(100, new Rng(9));
        double[] dMax = {0.5};
        double all = TopographyIndex.compute(x, TORUS, dMax, TopographyIndex.MAX_PAIRS, new Rng(1)).mean();
        double some = TopographyIndex.compute(x, TORUS, dMax, 5_000, new Rng(1)).mean();
        assertEquals(some, TopographyIndex.compute(x, TORUS, dMax, 5_000, new Rng(1)).mean(), 0);
        assertTrue(some != all);
        assertEquals(all, some, 0.03);
    }

    @Test
    void constantUnitsAreDroppedAndListed() {
        double[][] x = plantedTopography(50, new Rng(4));
        for (double[] row : x) {
            row[7] = 0.0;
            row[123] = 2.5;
        }
        TopographyIndex.Result result = TopographyIndex.compute(x, TORUS, new Rng(2));
        assertArrayEquals(new int[] {7, 123}, result.droppedUnits());
        // unit 7 and unit 123 lose their 12 neighbours each at d_max = 0.1 (they are not neighbours)
        assertEquals(2400 - 24, result.eligiblePairs()[0]);
        assertTrue(result.mean() > 0.3);
    }

    @Test
    void dMaxBelowTheSpacingGivesNaN() {
        TopographyIndex.Result result = TopographyIndex.compute(plantedTopography(20, new Rng(5)), TORUS,
                new double[] {0.01, 0.3}, 1000, new Rng(1));
        assertEquals(0, result.eligiblePairs()[0]);
        assertTrue(Double.isNaN(result.values()[0]));
        assertTrue(Double.isNaN(result.mean()));
    }

    @Test
    void rejectsUnitsThatAreNotTheSheets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopographyIndex.compute(new double[3][399], TORUS, new Rng(1)));
        assertTrue(e.getMessage().contains("399") && e.getMessage().contains("400"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TopographyIndex.compute(new double[1][400], TORUS, new Rng(1)));
    }
}
