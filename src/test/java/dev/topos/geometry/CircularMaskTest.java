package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CircularMaskTest {

    /** Topoformer spec section 1 check values: every unit's field on the torus has this size. */
    @ParameterizedTest(name = "{0}x{0} torus, r={1} -> {2}")
    @CsvSource({"20, 0.1, 37", "20, 0.3, 121", "28, 0.3, 241", "28, 1.0, 711"})
    void specCheckValuesHoldForEveryUnit(int side, double r, int fanIn) {
        Mask mask = Masks.circular(Sheets.grid(side, true), r);
        for (int m = 0; m < mask.size(); m++) {
            assertEquals(fanIn, mask.fanIn(m), "unit " + m);
            assertTrue(mask.get(m, m), "unit " + m + " sees itself");
        }
    }

    @Test
    void flatGridFieldsAreClippedAtTheEdge() {
        Mask mask = Masks.circular(Sheets.grid(20, false), 0.1);
        assertEquals(37, mask.fanIn(10 * 20 + 10)); // centre: the whole disc fits
        assertTrue(mask.fanIn(0) < 37 / 2, "a corner keeps about a quarter, got " + mask.fanIn(0));
    }

    @Test
    void smallFieldOnAHandGrid() {
        // 4x4 torus, spacing 1/4; r = pi/16 gives rho = 1/4 exactly: self + 4 edge neighbours.
        Mask mask = Masks.circular(Sheets.grid(4, true), Math.PI / 16 * (1 + 1e-12));
        assertEquals(5, mask.fanIn(0));
        assertTrue(mask.get(0, 1) && mask.get(0, 3) && mask.get(0, 4) && mask.get(0, 12));
        assertFalse(mask.get(0, 5));
    }

    @Test
    void sphereFieldsCoverTheirAreaFraction() {
        int n = 2000;
        Mask mask = Masks.circular(Sheets.sphere(n, 5.0), 0.25);
        for (int m = 0; m < n; m += 97) {
            assertEquals(0.25 * n, mask.fanIn(m), 0.03 * n, "unit " + m);
        }
        Mask whole = Masks.circular(Sheets.sphere(50, 5.0), 1.0);
        assertEquals(50, whole.fanIn(17));
    }

    @Test
    void sheetsWithoutAreaHaveNoCircularFields() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Masks.circular(Sheets.stackedGrid(2, 4), 0.2)).getMessage();
        assertTrue(message.contains("'stacked' sheet has no defined area"), message);
        assertTrue(message.contains("use Masks.kNearest or Masks.gaussian"), message);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.0001, Double.NaN})
    void rOutsideZeroOneIsRejectedWithItsRange(double r) {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Masks.circular(Sheets.grid(4, true), r)).getMessage();
        assertTrue(message.startsWith("r (fraction of the sheet's area inside a field) must be in (0, 1], got "
                + r), message);
    }
}
