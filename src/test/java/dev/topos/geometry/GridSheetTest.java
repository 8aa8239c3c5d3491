package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GridSheetTest {
    private static final double EPS = 1e-12;

    @Test
    void unitsSitRowMajorOnTheUnitSquare() {
        Sheet sheet = Sheets.grid(3, true);
        assertEquals(9, sheet.size());
        assertEquals(2, sheet.dim());
        assertEquals(OptionalInt.of(3), sheet.side());
        assertEquals("torus", sheet.kind());
        assertEquals("grid", Sheets.grid(3, false).kind());
        assertArrayEquals(new double[] {0, 0}, sheet.coord(0), EPS);
        assertArrayEquals(new double[] {0, 2.0 / 3}, sheet.coord(2), EPS);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, sheet.coord(5), EPS);
    }

    @Test
    void boxDistancesAreEuclidean() {
        Sheet box = Sheets.grid(3, false);
        assertEquals(1.0 / 3, box.distance(0, 1), EPS);
        assertEquals(2.0 / 3, box.distance(0, 2), EPS);
        assertEquals(Math.sqrt(2) / 3, box.distance(0, 4), EPS);
        assertEquals(Math.sqrt(8) / 3, box.distance(0, 8), EPS);
    }

    @Test
    void torusWrapsEachAxisBeyondHalf() {
        Sheet torus = Sheets.grid(3, true);
        assertEquals(1.0 / 3, torus.distance(0, 2), EPS);          // 2/3 wraps to 1/3
        assertEquals(Math.sqrt(2) / 3, torus.distance(0, 8), EPS); // both axes wrap
        assertEquals(Math.sqrt(2) / 3, torus.distance(0, 4), EPS); // 1/3 does not wrap
        Sheet four = Sheets.grid(4, true);
        assertEquals(0.5, four.distance(0, 2), EPS);               // exactly 1/2 stays
        assertEquals(0.25, four.distance(0, 3), EPS);              // 3/4 wraps to 1/4
    }

    @Test
    void distancesAreSymmetricWithZeroDiagonal() {
        for (Sheet sheet : new Sheet[] {Sheets.grid(5, true), Sheets.grid(5, false)}) {
            double[][] d = sheet.distances();
            for (int m = 0; m < d.length; m++) {
                assertEquals(0.0, d[m][m]);
                for (int n = 0; n < d.length; n++) {
                    assertEquals(d[m][n], d[n][m]);
                    assertTrue(d[m][n] >= 0);
                }
            }
        }
    }

    @Test
    void accessorsReturnCopies() {
        Sheet sheet = Sheets.grid(2, false);
        sheet.coord(1)[0] = 99;
        sheet.distances()[0][1] = 99;
        assertEquals(0.0, sheet.coord(1)[0]);
        assertEquals(0.5, sheet.distance(0, 1), EPS);
    }

    @Test
    void fieldRadiusOnTheUnitSquareIsSqrtROverPi() {
        assertEquals(Math.sqrt(0.3 / Math.PI), Sheets.grid(20, true).fieldRadius(0.3), EPS);
    }

    @Test
    void badSideNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sheets.grid(0, true));
        assertTrue(e.getMessage().contains("side must be in [1, "), e.getMessage());
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
