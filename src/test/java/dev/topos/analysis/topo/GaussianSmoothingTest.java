package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianSmoothingTest {
    // FWHM 2: sigma^2 = 4 / (8 ln 2), so exp(-j^2 / (2 sigma^2)) = exp(-j^2 ln 2) = 2^(-j^2), and the
    // radius is floor(4 * 0.8493 + 0.5) = 3: unnormalised taps 1/512, 1/16, 1/2, 1, 1/2, 1/16, 1/512
    // with sum 1 + 1 + 1/8 + 1/256 = 2.12890625
    private static final double SUM = 2.12890625;
    private static final double[] TAPS = {1 / 512.0, 1 / 16.0, 0.5, 1, 0.5, 1 / 16.0, 1 / 512.0};

    @Test
    void sigmaAndKernelOfFwhmTwo() {
        assertEquals(0.8493218, GaussianSmoothing.sigma(2), 1e-7);
        double[] expected = TAPS.clone();
        for (int j = 0; j < expected.length; j++) {
            expected[j] /= SUM;
        }
        assertArrayEquals(expected, new GaussianSmoothing(GaussianSmoothing.DEFAULT_FWHM).kernel(), 1e-15);
    }

    @Test
    void impulseResponseIsTheGaussianAndSumsToOne() {
        int side = 11;
        int centre = 5;
        double[] impulse = new double[side * side];
        impulse[centre * side + centre] = 1;
        double[] out = new GaussianSmoothing(2).apply(impulse, side);
        double total = 0;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                int dr = Math.abs(row - centre);
                int dc = Math.abs(col - centre);
                double expected = dr <= 3 && dc <= 3 ? TAPS[3 + dr] * TAPS[3 + dc] / (SUM * SUM) : 0;
                assertEquals(expected, out[row * side + col], 1e-15, "row " + row + " col " + col);
                total += out[row * side + col];
            }
        }
        assertEquals(1.0, total, 1e-14);
    }

    @Test
    void cornerImpulseReflectsAsScipy() {
        // one row [1, 0, 0] under 'reflect' (... x1 x0 | x0 x1 x2 | x2 x1 x0 ..., period 6):
        // out0 = taps at offsets 0 and -1 hit x0: (1 + 1/2) / SUM
        // out1 = offsets -1 and -2 hit x0: (1/2 + 1/16) / SUM
        // out2 = offsets -2, -3 and +3 hit x0 (index 5 reflects to 0): (1/16 + 2/512) / SUM
        // the 2-D result is the outer product (scipy.ndimage.gaussian_filter gives 0.496443 at (0,0))
        double[] a = {1.5 / SUM, 0.5625 / SUM, 0.06640625 / SUM};
        double[] impulse = new double[9];
        impulse[0] = 1;
        double[] out = new GaussianSmoothing(2).apply(impulse, 3);
        for (int n = 0; n < 9; n++) {
            assertEquals(a[n / 3] * a[n % 3], out[n], 1e-15, "cell " + n);
        }
        assertEquals(0.49644306, out[0], 1e-8);
        assertEquals(1.0, Arrays.stream(out).sum(), 1e-14);
    }

    @Test
    void constantMapIsUnchanged() {
        double[] flat = new double[25];
        Arrays.fill(flat, 3.25);
        assertArrayEquals(flat, new GaussianSmoothing(5).apply(flat, 5), 1e-13);
    }

    @Test
    void rejectsBadWidthAndShape() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(2).apply(new double[8], 3));
    }
}
