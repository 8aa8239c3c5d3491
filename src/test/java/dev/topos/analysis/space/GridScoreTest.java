package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class GridScoreTest {
    private static final int SIZE = 40;
    private static final double WAVELENGTH = SIZE / 4.0;

    private static double score(double[][] map) {
        return GridScore.of(Autocorrelogram.of(map));
    }

    @Test
    void outerRadiiAreLinspaceFromPointFourToOne() {
        double[] expected = {0.4, 0.4 + 0.6 / 9, 0.4 + 1.2 / 9, 0.6, 0.4 + 2.4 / 9, 0.4 + 3.0 / 9, 0.8,
            0.4 + 4.2 / 9, 0.4 + 4.8 / 9, 1.0};
        assertArrayEquals(expected, GridScore.outerRadii(), 1e-12);
    }

    @Test
    void hexagonalPatternScoresClearlyPositive() {
        double s = score(Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {0, 60, 120}, 3.3, 7.1));
        assertTrue(s > 0.5, "hexagonal grid score " + s);
    }

    @Test
    void rotatedHexagonalPatternStillScoresPositive() {
        double s = score(Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {17, 77, 137}, 0, 0));
        assertTrue(s > 0.5, "rotated hexagonal grid score " + s);
    }

    @Test
    void squarePatternScoresNegative() {
        double s = score(Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {0, 90}, 3.3, 7.1));
        assertTrue(s < 0, "square grid score " + s);
    }

    @Test
    void squarePatternScoresHighOnTheFourFoldScoreAndHexagonsDoNot() {
        double square = GridScore.square(Autocorrelogram.of(Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {0, 90}, 3.3, 7.1)));
        double rotated = GridScore.square(Autocorrelogram.of(Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {25, 115}, 0, 0)));
        double hexagonal = GridScore.square(Autocorrelogram.of(
                Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {0, 60, 120}, 3.3, 7.1)));
        assertTrue(square > 0.5, "four-fold score of a square lattice " + square);
        assertTrue(rotated > 0.5, "four-fold score of a rotated square lattice " + rotated);
        assertTrue(hexagonal < square - 0.5, "four-fold score of a hexagonal lattice " + hexagonal + ", of a square one " + square);
    }

    @Test
    void bandsScoreLowOnBothScores() {
        double[][] ac = Autocorrelogram.of(Patterns.planeWaves(SIZE, WAVELENGTH, new double[] {30}, 0, 0));
        assertTrue(GridScore.of(ac) < 0.2, "six-fold score of bands " + GridScore.of(ac));
        assertTrue(GridScore.square(ac) < 0.2, "four-fold score of bands " + GridScore.square(ac));
    }

    @Test
    void smoothNoiseScoresNearZeroOnAverageAndFarBelowAGrid() {
        // A single noise map's score spreads (sd ~0.2 here: max over 10 rings of a min - max of
        // noisy correlations), so the claim is about the average and about the gap to a grid (~1.6).
        Rng rng = new Rng(2024);
        int maps = 20;
        double sum = 0;
        for (int i = 0; i < maps; i++) {
            double s = score(Patterns.smoothNoise(SIZE, 2.0, rng));
            assertTrue(s < 1.0, "noise grid score " + s);
            sum += s;
        }
        double mean = sum / maps;
        assertTrue(Math.abs(mean) < 0.2, "mean noise grid score " + mean);
    }

    @Test
    void constantMapHasNoScore() {
        double[][] flat = new double[SIZE][SIZE];
        assertTrue(Double.isNaN(score(flat)));
    }
}
