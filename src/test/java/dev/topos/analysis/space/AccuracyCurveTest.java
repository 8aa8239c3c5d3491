package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccuracyCurveTest {
    @Test
    void binsCorrectnessByHand() {
        // 4 bins of width 0.25; fraction 1.0 belongs to the last bin, 0.25 to the second
        double[] f = {0.0, 0.1, 0.25, 0.3, 0.49, 0.99, 1.0};
        boolean[] ok = {true, false, true, true, false, false, true};
        AccuracyCurve c = AccuracyCurve.of(f, ok, 4);
        assertArrayEquals(new int[] {2, 3, 0, 2}, c.count());
        assertEquals(0.5, c.mean()[0], 1e-12);
        assertEquals(2.0 / 3, c.mean()[1], 1e-12);
        assertTrue(Double.isNaN(c.mean()[2]));
        assertEquals(0.5, c.mean()[3], 1e-12);
        assertEquals(0.375, c.binCentre(1), 1e-12);
    }

    @Test
    void agentCurvesAreOneWhenAllKnownAndChanceWhenNone() {
        double[] f = {0.05, 0.3, 0.6, 0.9};
        double chance = 1.0 / 45;
        AccuracyCurve all = AccuracyCurve.ofAgent(f, new boolean[] {true, true, true, true}, chance, 2);
        AccuracyCurve none = AccuracyCurve.ofAgent(f, new boolean[4], chance, 2);
        assertArrayEquals(new double[] {1, 1}, all.mean(), 1e-12);
        assertArrayEquals(new double[] {chance, chance}, none.mean(), 1e-12);
        AccuracyCurve half = AccuracyCurve.ofAgent(f, new boolean[] {true, false, true, true}, chance, 2);
        assertArrayEquals(new double[] {(1 + chance) / 2, 1}, half.mean(), 1e-12);
    }

    @Test
    void rejectsFractionsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class,
                () -> AccuracyCurve.of(new double[] {1.5}, new boolean[] {true}, 3));
    }
}
