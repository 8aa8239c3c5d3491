package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WiringLengthTest {
    /** Columns at x = 0, 1, 3 on a line; the connectivity of {@link ConnectivityTest#DENSE}. */
    static final double[][] D = line(0, 1, 3);

    static double[][] line(double... x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        return d;
    }

    @Test
    void handComputedLengths() {
        // L_0 = 0.5*0 + 0.5*1 = 0.5; L_1 = 0.25*1 + 0.5*0 + 0.25*2 = 0.75; L_2 = 1*0 = 0
        for (Connectivity c : new Connectivity[] {Connectivity.dense(ConnectivityTest.DENSE), ConnectivityTest.sparse()}) {
            WiringLength.Result r = WiringLength.compute(c, D);
            assertArrayEquals(new double[] {0.5, 0.75, 0.0}, r.length(), 1e-15);
            assertEquals(1.25 / 3, r.mean(), 1e-15);
        }
    }

    @Test
    void handComputedHistogram() {
        // bins [0,1) [1,2) [2,3]: distance 0 carries 0.5 + 0.5 + 1, distance 1 carries 0.5 + 0.25,
        // distance 2 carries 0.25; each divided by N = 3
        for (Connectivity c : new Connectivity[] {Connectivity.dense(ConnectivityTest.DENSE), ConnectivityTest.sparse()}) {
            WiringLength.Histogram h = WiringLength.distances(c, D, 3, 3.0);
            assertArrayEquals(new double[] {0, 1, 2, 3}, h.edges(), 0);
            assertArrayEquals(new double[] {2.0 / 3, 0.25, 1.0 / 12}, h.mass(), 1e-15);
        }
    }

    @Test
    void automaticBinsSpanTheWeightedConnections() {
        // 6 connections with A > 0 (Sturges: ceil(log2 6 + 1) = 4 bins), the farthest at distance 2
        // (the pairs 0-2 at distance 3 carry no attention)
        WiringLength.Histogram h = WiringLength.distances(Connectivity.dense(ConnectivityTest.DENSE), D);
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, h.edges(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 0, 0.25, 1.0 / 12}, h.mass(), 1e-15);
    }

    @Test
    void massesSumToOneAndTheMeanMatchesTheWiringLength() {
        // attention spread over a 6-column line: with one bin per integer distance, the bins' left
        // edges are the exact distances, so sum(edge * mass) is the mean wiring length
        int n = 6;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.exp(-Math.abs(i - j));
                z += a[i][j];
            }
            for (int j = 0; j < n; j++) {
                a[i][j] /= z;
            }
        }
        double[][] d = line(0, 1, 2, 3, 4, 5);
        Connectivity c = Connectivity.dense(a);
        WiringLength.Histogram h = WiringLength.distances(c, d, 6, 6.0);
        assertEquals(1.0, Arrays.stream(h.mass()).sum(), 1e-12);
        double mean = 0;
        for (int b = 0; b < 6; b++) {
            mean += h.edges()[b] * h.mass()[b];
        }
        assertEquals(WiringLength.compute(c, d).mean(), mean, 1e-12);
    }

    @Test
    void rejectsAMaxBelowAWeightedConnection() {
        ConnectivityTest.assertMessage("distance 2.0 > max 1.5",
                () -> WiringLength.distances(Connectivity.dense(ConnectivityTest.DENSE), D, 3, 1.5));
        ConnectivityTest.assertMessage("bins must be >= 1",
                () -> WiringLength.distances(Connectivity.dense(ConnectivityTest.DENSE), D, 0, 3));
        ConnectivityTest.assertMessage("D[0][1] is -1.0", () -> WiringLength.compute(
                Connectivity.dense(ConnectivityTest.DENSE), new double[][] {{0, -1, 0}, {1, 0, 0}, {0, 0, 0}}));
        ConnectivityTest.assertMessage("3 x 3", () -> WiringLength.compute(
                Connectivity.dense(ConnectivityTest.DENSE), new double[][] {{0, 1}, {1, 0}}));
    }
}
