package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StackedGridTest {
    private static final double EPS = 1e-12;

    // width 3: linspace(-1.5, 1.5, 3) = {-1.5, 0, 1.5}; layer k at depth 2k.
    private final Sheet stacked = Sheets.stackedGrid(2, 3);

    @Test
    void columnsAreOrderedByLayerThenRowMajor() {
        assertEquals(18, stacked.size());
        assertEquals(3, stacked.dim());
        assertArrayEquals(new double[] {-1.5, -1.5, 0}, stacked.coord(0), EPS);
        assertArrayEquals(new double[] {-1.5, 0, 0}, stacked.coord(1), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, stacked.coord(4), EPS);
        assertArrayEquals(new double[] {-1.5, -1.5, 2}, stacked.coord(9), EPS);
        assertArrayEquals(new double[] {1.5, 1.5, 2}, stacked.coord(17), EPS);
        assertEquals(OptionalInt.empty(), stacked.side());
        assertEquals(OptionalInt.of(3), Sheets.stackedGrid(1, 3).side());
    }

    @Test
    void distancesIncludeDepth() {
        assertEquals(1.5, stacked.distance(0, 1), EPS);
        assertEquals(Math.sqrt(4.5), stacked.distance(0, 4), EPS);
        assertEquals(2.0, stacked.distance(0, 9), EPS);             // straight down one layer
        assertEquals(Math.sqrt(8.5), stacked.distance(4, 9), EPS);  // 1.5^2 + 1.5^2 + 2^2
        assertEquals(Math.sqrt(22), stacked.distance(0, 17), EPS);  // 3^2 + 3^2 + 2^2
        assertEquals(0.0, stacked.distance(9, 9));
    }

    @Test
    void symmetric() {
        double[][] d = stacked.distances();
        for (int m = 0; m < d.length; m++) {
            for (int n = 0; n < d.length; n++) {
                assertEquals(d[m][n], d[n][m]);
            }
        }
    }

    @Test
    void liftedLayerChargesOneLayerGapEvenForSelf() {
        Sheet lifted = Sheets.liftedLayer(3);
        assertEquals("lifted", lifted.kind());
        assertEquals(9, lifted.size());
        assertEquals(2.0, lifted.distance(4, 4), EPS);
        assertEquals(2.5, lifted.distance(0, 1), EPS);             // sqrt(1.5^2 + 2^2)
        assertEquals(Math.sqrt(22), lifted.distance(0, 8), EPS);   // sqrt(3^2 + 3^2 + 2^2)
    }

    @Test
    void singleColumnLayerSitsAtMinusHalf() {
        Sheet one = Sheets.stackedGrid(3, 1);
        assertArrayEquals(new double[] {-0.5, -0.5, 4}, one.coord(2), EPS);
        assertEquals(4.0, one.distance(0, 2), EPS);
    }

    @Test
    void hasNoAreaSoNoFieldRadius() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stacked.fieldRadius(0.1));
        assertTrue(e.getMessage().contains("'stacked' sheet has no defined area"), e.getMessage());
    }
}
