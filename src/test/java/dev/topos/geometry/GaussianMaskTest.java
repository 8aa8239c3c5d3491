package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class GaussianMaskTest {
    private final Sheet torus = Sheets.grid(20, true);

    @Test
    void sameSeedSameMaskOtherSeedOtherMask() {
        Mask a = Masks.gaussian(torus, 0.1, new Rng(7));
        Mask b = Masks.gaussian(torus, 0.1, new Rng(7));
        Mask c = Masks.gaussian(torus, 0.1, new Rng(8));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void selfIsAlwaysConnected() {
        // Distance 0 has the largest p, which becomes 1 after dividing by the max.
        Mask mask = Masks.gaussian(torus, 0.05, new Rng(1));
        for (int m = 0; m < torus.size(); m++) {
            assertTrue(mask.get(m, m));
        }
    }

    @Test
    void farApartUnitsStillKeepTheirNearestLinks() {
        // On a lifted layer even self is 2 = 40 sigmas away: every sigmoid underflows to 0 in
        // doubles, yet p / max p is 1 on the diagonal.
        Mask mask = Masks.gaussian(Sheets.liftedLayer(4), 0.05, new Rng(5));
        for (int m = 0; m < 16; m++) {
            assertTrue(mask.get(m, m));
            assertEquals(1, mask.fanIn(m));
        }
    }

    @Test
    void connectionsThinOutWithDistance() {
        Mask mask = Masks.gaussian(torus, 0.1, new Rng(3));
        double[] near = meanConnection(mask, 0.0, 0.1);
        double[] far = meanConnection(mask, 0.3, 1.0);
        assertTrue(near[1] > 100 && far[1] > 100, "enough pairs in both bands");
        assertTrue(near[0] > 0.5, "near pairs mostly connected, got " + near[0]);
        assertTrue(far[0] < 0.05, "far pairs mostly not connected, got " + far[0]);
    }

    /**
     * Expected connection rate from the formula by hand: sigma = 0.1, density at 0 is
     * 1 / (0.1 sqrt(2 pi)) = 3.989, sigmoid 0.7996. At the nearest neighbour (d = 0.05) the density
     * is 3.989 exp(-0.125) = 3.521, sigmoid 0.7788, so p = 0.7788 / 0.7996 = 0.974.
     */
    @Test
    void nearestNeighbourRateMatchesTheFormula() {
        Sheet sheet = Sheets.grid(20, true);
        int hits = 0;
        int trials = 0;
        for (long seed = 0; seed < 10; seed++) {
            Mask mask = Masks.gaussian(sheet, 0.1, new Rng(seed));
            for (int m = 0; m < sheet.size(); m++) {
                hits += mask.get(m, (m + 1) % 20 + m / 20 * 20) ? 1 : 0;
                trials++;
            }
        }
        assertEquals(0.974, (double) hits / trials, 0.01);
    }

    @Test
    void sigmaMustBePositive() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Masks.gaussian(torus, 0.0, new Rng(1))).getMessage();
        assertTrue(message.startsWith("sigma (standard deviation of the Gaussian profile, in distance units) "
                + "must be finite and > 0, got 0.0"), message);
    }

    /** {mean of M over pairs with lo <= D < hi, number of such pairs}. */
    private double[] meanConnection(Mask mask, double lo, double hi) {
        double sum = 0;
        int count = 0;
        for (int m = 0; m < torus.size(); m++) {
            for (int n = 0; n < torus.size(); n++) {
                double d = torus.distance(m, n);
                if (d >= lo && d < hi) {
                    sum += mask.get(m, n) ? 1 : 0;
                    count++;
                }
            }
        }
        return new double[] {sum / count, count};
    }
}
