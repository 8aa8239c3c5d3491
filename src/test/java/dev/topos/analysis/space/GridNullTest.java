package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class GridNullTest {
    private static final int SIZE = 16;

    private static double score(double[][] map) {
        return GridScore.of(Autocorrelogram.of(map));
    }

    @Test
    void aHexagonalMapBeatsItsShuffledNullAndNoiseDoesNot() {
        double[][] hex = Patterns.planeWaves(SIZE, SIZE / 3.0, new double[] {0, 60, 120}, 1.3, 2.1);
        double hexNull = GridNull.threshold(hex, 50, 95, new Rng(1));
        assertTrue(score(hex) > hexNull, "hexagon " + score(hex) + " vs its null " + hexNull);
        assertTrue(hexNull < 0.5, "shuffling destroys the six-fold symmetry: null " + hexNull);

        int beaten = 0;
        for (int i = 0; i < 10; i++) {
            double[][] noise = Patterns.smoothNoise(SIZE, 1.0, new Rng(100 + i));
            beaten += score(noise) > GridNull.threshold(noise, 50, 95, new Rng(200 + i)) ? 1 : 0;
        }
        assertTrue(beaten <= 3, "smooth noise rarely beats the 95th percentile of its own shuffles: " + beaten + "/10");
    }

    @Test
    void aSquareLatticeBeatsItsFourFoldNullAndAHexagonDoesNot() {
        double[][] square = Patterns.planeWaves(SIZE, SIZE / 3.0, new double[] {0, 90}, 1.3, 2.1);
        double squareNull = GridNull.threshold(square, 50, 95, new Rng(1), m -> GridScore.square(Autocorrelogram.of(m)));
        double fourFold = GridScore.square(Autocorrelogram.of(square));
        assertTrue(fourFold > squareNull, "square lattice " + fourFold + " vs its four-fold null " + squareNull);
        assertTrue(score(square) < GridNull.threshold(square, 50, 95, new Rng(2)),
                "a square lattice is no hexagon: six-fold score " + score(square));
        double[][] hex = Patterns.planeWaves(SIZE, SIZE / 3.0, new double[] {0, 60, 120}, 1.3, 2.1);
        double hexFourFold = GridScore.square(Autocorrelogram.of(hex));
        double hexNull = GridNull.threshold(hex, 50, 95, new Rng(3), m -> GridScore.square(Autocorrelogram.of(m)));
        assertTrue(hexFourFold < hexNull, "a hexagon is no square lattice: four-fold " + hexFourFold + " vs null " + hexNull);
    }

    @Test
    void unvisitedNodesStayUnvisitedAndTheNullIsReproducible() {
        double[][] hex = Patterns.planeWaves(SIZE, SIZE / 3.0, new double[] {0, 60, 120}, 0, 0);
        for (int y = 0; y < 4; y++) {
            hex[y][y] = Double.NaN;
        }
        assertEquals(GridNull.threshold(hex, 20, 95, new Rng(3)), GridNull.threshold(hex, 20, 95, new Rng(3)));
        double[][] flat = new double[SIZE][SIZE];
        assertTrue(Double.isNaN(GridNull.threshold(flat, 20, 95, new Rng(3))), "a constant map has no score, no null");
    }
}
