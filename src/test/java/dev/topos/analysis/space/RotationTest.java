package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RotationTest {
    private static final double NAN = Double.NaN;

    @Test
    void quarterTurnsMoveBinsExactly() {
        double[][] m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        // source of output (y, x) is (y' = cy - (x - cx), x' = cx + (y - cy)): out[0][0] = m[2][0]
        double[][] r = Rotation.rotate(m, 90);
        assertArrayEquals(new double[] {7, 4, 1}, r[0]);
        assertArrayEquals(new double[] {8, 5, 2}, r[1]);
        assertArrayEquals(new double[] {9, 6, 3}, r[2]);
        double[][] half = Rotation.rotate(m, 180);
        assertArrayEquals(new double[] {9, 8, 7}, half[0]);
    }

    @Test
    void interpolatesBilinearlyAndPropagatesNaN() {
        double[][] m = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        double[][] r = Rotation.rotate(m, 45);
        assertEquals(1.0, r[1][1], 1e-12);
        // (0, 1) comes from (1 - cos45, 1 - sin45) ~ (0.293, 0.293): weight of the centre 0.293^2
        double f = 1 - Math.sqrt(0.5);
        assertEquals(f * f, r[0][1], 1e-12);
        assertTrue(Double.isNaN(r[0][0])); // the corner comes from outside the array
        double[][] holed = {{0, 0, 0}, {0, NAN, 0}, {0, 0, 0}};
        assertTrue(Double.isNaN(Rotation.rotate(holed, 45)[0][1]));
        assertEquals(0.0, Rotation.rotate(holed, 90)[0][1], 0.0);
    }
}
