package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void fullMaskIsAllOnes() {
        Mask full = Masks.full(3);
        assertEquals(3, full.size());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, full.toFloatArray());
        assertEquals(3, full.fanIn(2));
    }

    @Test
    void wholeAreaCircleOnASmallTorusIsFull() {
        // On a 3x3 torus the farthest unit is sqrt(2)/3 = 0.471 < sqrt(1/pi) = 0.564.
        assertEquals(Masks.full(9), Masks.circular(Sheets.grid(3, true), 1.0));
    }

    @Test
    void floatArrayIsRowMajor() {
        // 1-D line 0, 1, 3: with k = 2 unit 0 sees {0, 1}, unit 1 sees {1, 0}, unit 2 sees {2, 1}.
        Sheet line = Sheet.of("line", new double[][] {{0}, {1}, {3}}, Metric.euclidean());
        Mask mask = Masks.kNearest(line, 2);
        assertArrayEquals(new float[] {1, 1, 0, 1, 1, 0, 0, 1, 1}, mask.toFloatArray());
        assertTrue(mask.get(2, 1));
        assertFalse(mask.get(1, 2));
    }

    @Test
    void kNearestRowsHaveKOnesIncludingSelf() {
        Sheet sheet = Sheets.grid(6, true);
        for (int k : new int[] {1, 5, 7, 36}) {
            Mask mask = Masks.kNearest(sheet, k);
            for (int m = 0; m < sheet.size(); m++) {
                assertEquals(k, mask.fanIn(m), "k=" + k + " unit " + m);
                assertTrue(mask.get(m, m));
            }
        }
    }

    @Test
    void kNearestBreaksTiesByIndex() {
        // Centre of a 5x5 flat grid (unit 12): 4 edge neighbours 7, 11, 13, 17 at 1/5, then the
        // diagonals 6, 8, 16, 18 at sqrt(2)/5; k = 6 takes the lowest-index diagonal, 6.
        Mask mask = Masks.kNearest(Sheets.grid(5, false), 6);
        for (int n = 0; n < 25; n++) {
            boolean expected = n == 12 || n == 7 || n == 11 || n == 13 || n == 17 || n == 6;
            assertEquals(expected, mask.get(12, n), "unit " + n);
        }
    }

    @Test
    void kNearestTellsApartDistancesBeyondTheTolerance() {
        // Unit 0 sees 2 (at 1) before 1 (at 1 + 1e-6), although 1 has the lower index.
        Sheet line = Sheet.of("line", new double[][] {{0}, {1 + 1e-6}, {-1}}, Metric.euclidean());
        Mask mask = Masks.kNearest(line, 2);
        assertTrue(mask.get(0, 2));
        assertFalse(mask.get(0, 1));
    }

    @Test
    void kNearestKeepsSelfEvenWhenAnotherUnitCoincides() {
        Sheet twins = Sheet.of("twins", new double[][] {{0, 0}, {0, 0}, {5, 5}}, Metric.euclidean());
        Mask mask = Masks.kNearest(twins, 1);
        assertTrue(mask.get(1, 1));
        assertFalse(mask.get(1, 0));
    }

    @Test
    void kNearestOnALiftedLayerStillStartsWithSelf() {
        Mask mask = Masks.kNearest(Sheets.liftedLayer(4), 1);
        for (int m = 0; m < 16; m++) {
            assertTrue(mask.get(m, m));
        }
    }

    @Test
    void kOutsideOneToNIsRejectedWithItsRange() {
        Sheet sheet = Sheets.grid(3, true);
        for (int k : new int[] {0, 10}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Masks.kNearest(sheet, k)).getMessage();
            assertEquals("k must be in [1, 9], got " + k, message);
        }
    }

    @Test
    void cellsOutsideTheMaskAreRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> Masks.full(2).get(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Masks.full(2).fanIn(-1));
    }
}
