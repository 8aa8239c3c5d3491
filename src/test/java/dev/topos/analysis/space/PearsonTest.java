package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PearsonTest {
    @Test
    void matchesTheTextbookValueByHand() {
        // x = 1,2,3,4 ; y = 2,4,5,9: mean 2.5 / 5; Sxy = 1.5*3+0.5*1+0.5*0+1.5*4 = 11,
        // Sxx = 5, Syy = 9+1+0+16 = 26 -> r = 11 / sqrt(130)
        assertEquals(11 / Math.sqrt(130), Pearson.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9}), 1e-12);
    }

    @Test
    void skipsPairsWithANaNAndIsStableUnderALargeOffset() {
        double nan = Double.NaN;
        assertEquals(-1.0, Pearson.of(new double[] {1, nan, 2, 3, 7}, new double[] {3, 5, 2, 1, nan}), 1e-12);
        double[] x = {1e9 + 1, 1e9 + 2, 1e9 + 3};
        assertEquals(1.0, Pearson.of(x, new double[] {1, 2, 3}), 1e-9);
    }

    @Test
    void isNaNWithoutVarianceOrWithTooFewPairs() {
        assertTrue(Double.isNaN(Pearson.of(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Pearson.of(new double[] {1, Double.NaN}, new double[] {1, 2})));
    }
}
